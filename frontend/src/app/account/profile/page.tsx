import type { Metadata } from "next";
import { Suspense } from "react";
import { ProfileForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Your profile</h1>
      <Suspense>
        <ProfileForm />
      </Suspense>
    </>
  );
}
