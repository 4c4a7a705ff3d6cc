import type { Metadata } from "next";
import { Suspense } from "react";
import { NoScriptNotice, SignupForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Sign up", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Sign up</h1>
      <NoScriptNotice action="Signing up" />
      <Suspense>
        <SignupForm />
      </Suspense>
    </>
  );
}
