import type { Metadata } from "next";
import { Suspense } from "react";
import { LoginForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Log in", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Log in</h1>
      <Suspense>
        <LoginForm />
      </Suspense>
    </>
  );
}
