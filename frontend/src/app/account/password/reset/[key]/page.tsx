import type { Metadata } from "next";
import { NoScriptNotice, PasswordResetForm } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return (
    <>
      <h1>Choose a new password</h1>
      <NoScriptNotice action="Choosing a new password" />
      <PasswordResetForm resetKey={decodeURIComponent(key)} />
    </>
  );
}
