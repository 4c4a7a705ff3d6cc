import type { Metadata } from "next";
import { VerifyEmail } from "@/components/account/AccountForms";

export const metadata: Metadata = { title: "Verify your e-mail", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return (
    <>
      <h1>Verify your e-mail</h1>
      <VerifyEmail verificationKey={decodeURIComponent(key)} />
    </>
  );
}
