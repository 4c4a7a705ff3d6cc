"use client";
import Link from "next/link";
import { useSession } from "@/lib/useSession";

/** Signed-in state is personal, so it loads in the browser after the static page. */
export function AccountMenu() {
  const state = useSession();
  if (state.status === "loading") return <span className="account-menu" aria-hidden="true" />;
  if (state.outcome.kind === "signed-in") {
    return (
      <span className="account-menu">
        <Link href="/dashboard/">Dashboard</Link>
        <Link href="/account/profile/">Profile</Link>
        <Link href="/account/logout/">Log out</Link>
      </span>
    );
  }
  return (
    <span className="account-menu">
      <Link href="/account/login/">Log in</Link>
      <Link href="/account/signup/" className="button button-small">
        Sign up
      </Link>
    </span>
  );
}
