"use client";
import Link from "next/link";
import { useSession } from "@/lib/useSession";

/** Signed-in state is personal, so it loads in the browser after the static page. */
export function AccountMenu() {
  const state = useSession();
  if (state.status === "loading") {
    // Holds the place of the visitor's links, invisible and inert, so the header keeps
    // its size (on a narrow screen the links wrap to a second line) when they appear.
    return (
      <span className="account-menu account-menu-pending" aria-hidden="true">
        <span>Log in</span>
        <span className="button button-small">Sign up</span>
      </span>
    );
  }
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
