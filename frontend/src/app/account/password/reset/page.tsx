import type { Metadata } from "next";
import { Suspense } from "react";
import { PasswordResetRequest } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Reset your password</h1>
      <Suspense>
        <PasswordResetRequest />
      </Suspense>
    </>
  );
}
