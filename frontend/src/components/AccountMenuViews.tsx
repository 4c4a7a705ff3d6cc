// The account menu's three states, rendered by React in the App Router (AccountMenu)
// and prerendered for public/account-menu.js in the Pages Router (StaticAccountMenu).
import Link from "next/link";

/**
 * Holds the place of the visitor's links, invisible and inert, so the header keeps its
 * size (on a narrow screen the links wrap to a second line) when they appear.
 */
export function PendingAccountMenu() {
  return (
    <span className="account-menu account-menu-pending" aria-hidden="true">
      <span>Log in</span>
      <span className="button button-small">Sign up</span>
    </span>
  );
}

export function SignedInAccountMenu() {
  return (
    <span className="account-menu">
      <Link href="/dashboard/">Dashboard</Link>
      <Link href="/account/profile/">Profile</Link>
      <Link href="/account/logout/">Log out</Link>
    </span>
  );
}

export function VisitorAccountMenu() {
  return (
    <span className="account-menu">
      <Link href="/account/login/">Log in</Link>
      <Link href="/account/signup/" className="button button-small">
        Sign up
      </Link>
    </span>
  );
}

/**
 * The menu for pages that ship no React: both outcomes wait in templates (inert, not
 * rendered) until public/account-menu.js puts the one that applies in the placeholder's place.
 */
export function StaticAccountMenu() {
  return (
    <>
      <PendingAccountMenu />
      <template data-account-menu="signed-in">
        <SignedInAccountMenu />
      </template>
      <template data-account-menu="visitor">
        <VisitorAccountMenu />
      </template>
      <script src="/account-menu.js" defer />
    </>
  );
}
