import type { Metadata } from "next";
import { Suspense } from "react";
import { SignupForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Sign up", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Sign up</h1>
      <Suspense>
        <SignupForm />
      </Suspense>
    </>
  );
}
