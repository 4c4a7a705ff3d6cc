import type { Metadata } from "next";
import { Suspense } from "react";
import { NoScriptNotice, LoginForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Log in", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Log in</h1>
      <NoScriptNotice action="Logging in" />
      <Suspense>
        <LoginForm />
      </Suspense>
    </>
  );
}
