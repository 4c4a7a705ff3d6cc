"use client";
import { useSession } from "@/lib/useSession";
import { PendingAccountMenu, SignedInAccountMenu, VisitorAccountMenu } from "./AccountMenuViews";

/** Signed-in state is personal, so it loads in the browser after the static page. */
export function AccountMenu() {
  const state = useSession();
  if (state.status === "loading") return <PendingAccountMenu />;
  return state.outcome.kind === "signed-in" ? <SignedInAccountMenu /> : <VisitorAccountMenu />;
}
