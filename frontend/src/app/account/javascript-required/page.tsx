import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "JavaScript needed", robots: { index: false } };

export default function Page() {
  return (
    <>
      <h1>This form needs JavaScript</h1>
      <p>
        Logging in, signing up and changing a password are sent by this site&apos;s own code, so that a password never
        travels in an address. Your browser sent the form before that code was ready, or JavaScript is turned off here.
      </p>
      <p>
        Turn JavaScript on for this site, then <Link href="/account/login/">log in</Link> or{" "}
        <Link href="/account/signup/">sign up</Link> again. Nothing you typed was sent.
      </p>
    </>
  );
}
