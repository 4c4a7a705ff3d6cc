import type { Metadata } from "next";
import { Suspense } from "react";
import { LogoutPanel } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Log out", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>Log out</h1>
      <Suspense>
        <LogoutPanel />
      </Suspense>
    </>
  );
}
