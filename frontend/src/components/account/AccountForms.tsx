"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import type { Profile } from "@/api/models";
import {
  announceSessionChange,
  logIn,
  logOut,
  requestPasswordReset,
  knownSession,
  resetPassword,
  signUp,
  verifyEmail,
  type AuthOutcome,
} from "@/lib/auth";
import { loadProfile, saveProfile } from "@/lib/learning";

const SAME_ORIGIN = "https://codecampus.invalid";
/** Where a form that carries a secret goes if a browser sends it without our code. */
export const NO_SCRIPT_ACTION = "/account/no-script/";

/**
 * Only same-origin paths are followed after logging in. The path is parsed as a
 * browser would parse it ("/\t/host", "//host" and "/\\host" all lead to another
 * site), and kept only if it stays on this origin.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/dashboard/";
  try {
    const url = new URL(next, SAME_ORIGIN);
    return url.origin === SAME_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : "/dashboard/";
  } catch {
    return "/dashboard/";
  }
}

function Errors({ outcome }: { outcome: AuthOutcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "invalid") {
    return (
      <div className="notice notice-error" role="alert">
        <ul>
          {outcome.errors.map((error, index) => (
            <li key={index}>{error.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (outcome.kind === "already-signed-in") {
    return (
      <p className="notice" role="status">
        You are already logged in. <Link href="/dashboard/">Go to your dashboard</Link>
      </p>
    );
  }
  if (outcome.kind === "failed") {
    return (
      <p className="notice notice-error" role="alert">
        {outcome.message}
      </p>
    );
  }
  return null;
}

function fieldsOf(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  return (name: string) => String(data.get(name) ?? "");
}

function useAfterSignIn() {
  const router = useRouter();
  return () => {
    announceSessionChange();
    router.push(nextFromLocation());
  };
}

/**
 * Where to go after signing in, read from the address when needed (in the browser only).
 * Not useSearchParams(): that would keep the forms out of the server-rendered page.
 */
function nextFromLocation(): string {
  return safeNext(new URLSearchParams(window.location.search).get("next"));
}

/** False until React runs here: a form that carries a secret is sent only by our code. */
const noSubscription = () => () => {};

function useHydrated(): boolean {
  // The server's snapshot (false) is used for the server render and for hydration.
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * The session as the server sees it, asked for whenever the server's signed-in mark is
 * there. Without the mark a visitor is not asked about (allauth would answer 401); were
 * a session there all the same, logging in meets allauth's 409 and ends signed in.
 */
function useServerSession(): [AuthOutcome | null, (outcome: AuthOutcome) => void] {
  const [current, setCurrent] = useState<AuthOutcome | null>(null);
  useEffect(() => {
    let live = true;
    void knownSession().then((outcome) => live && setCurrent(outcome));
    return () => {
      live = false;
    };
  }, []);
  return [current, setCurrent];
}

/**
 * A form that carries a password. Its method is POST, so that nothing typed can reach
 * an address bar or a server log, and its fallback action only says that JavaScript is
 * needed: it is sent by our code once the page is ready, never by the browser before.
 */
function SecretForm({ label, onSubmit, children }: { label: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <form className="form" method="post" action={NO_SCRIPT_ACTION} onSubmit={onSubmit} aria-label={label}>
      {children}
    </form>
  );
}

/** Rendered only in the browser, once the server said this session is signed in. */
function AlreadySignedIn({ email, onLoggedOut }: { email: string; onLoggedOut: () => void }) {
  const next = nextFromLocation();
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const onLogOut = async () => {
    const result = await logOut();
    setOutcome(result);
    if (result.kind === "signed-out") {
      announceSessionChange();
      onLoggedOut();
    }
  };
  return (
    <div className="notice" role="status">
      <p>
        You are already logged in as <strong>{email}</strong>.
      </p>
      <Errors outcome={outcome} />
      <p className="actions">
        <Link className="button" href={next}>
          Continue
        </Link>{" "}
        <button type="button" className="button button-secondary" onClick={onLogOut}>
          Log out
        </button>
      </p>
    </div>
  );
}

export function LoginForm() {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useServerSession();
  const hydrated = useHydrated();
  const done = useAfterSignIn();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    setBusy(true);
    const result = await logIn(field("email"), field("password"));
    setBusy(false);
    setOutcome(result);
    if (result.kind === "signed-in") done();
  };
  if (current?.kind === "signed-in" && outcome?.kind !== "signed-in") {
    return <AlreadySignedIn email={current.email} onLoggedOut={() => setCurrent({ kind: "signed-out" })} />;
  }
  return (
    <SecretForm label="Log in" onSubmit={onSubmit}>
      <Errors outcome={outcome?.kind === "signed-out" ? { kind: "invalid", errors: [{ message: "Wrong e-mail or password." }] } : outcome} />
      {outcome?.kind === "pending" ? <p className="notice">Please verify your e-mail address first: check your inbox.</p> : null}
      <label>
        E-mail
        <input type="email" name="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="button" disabled={busy || !hydrated}>
        {busy ? "Logging in…" : "Log in"}
      </button>
      <p>
        <Link href="/account/password/reset/">Forgot your password?</Link> · <Link href="/account/signup/">Create an account</Link>
      </p>
    </SecretForm>
  );
}

export function SignupForm() {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useServerSession();
  const hydrated = useHydrated();
  const done = useAfterSignIn();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    setBusy(true);
    const result = await signUp(field("email"), field("password"));
    setBusy(false);
    setOutcome(result);
    if (result.kind === "signed-in") done();
  };
  if (outcome?.kind === "pending") {
    return (
      <p className="notice notice-ok" role="status">
        Almost there: we sent you an e-mail with a link to verify your address.
      </p>
    );
  }
  if (current?.kind === "signed-in" && outcome?.kind !== "signed-in") {
    return <AlreadySignedIn email={current.email} onLoggedOut={() => setCurrent({ kind: "signed-out" })} />;
  }
  return (
    <SecretForm label="Sign up" onSubmit={onSubmit}>
      <Errors outcome={outcome} />
      <label>
        E-mail
        <input type="email" name="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="new-password" minLength={8} required aria-describedby="password-help" />
      </label>
      <p id="password-help" className="meta">
        At least 8 characters; not a common password.
      </p>
      <button type="submit" className="button" disabled={busy || !hydrated}>
        {busy ? "Creating your account…" : "Sign up"}
      </button>
      <p>
        Already have an account? <Link href="/account/login/">Log in</Link>
      </p>
    </SecretForm>
  );
}

export function LogoutPanel() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const onClick = async () => {
    const result = await logOut();
    setOutcome(result);
    if (result.kind === "signed-out") {
      announceSessionChange();
      router.push("/");
    }
  };
  return (
    <>
      <Errors outcome={outcome} />
      <button type="button" className="button" onClick={onClick}>
        Log out
      </button>
    </>
  );
}

export function VerifyEmail({ verificationKey }: { verificationKey: string }) {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  useEffect(() => {
    void verifyEmail(verificationKey).then((result) => {
      setOutcome(result);
      if (result.kind === "signed-in") announceSessionChange();
    });
  }, [verificationKey]);
  if (!outcome) return <p aria-busy="true">Verifying your e-mail address…</p>;
  if (outcome.kind === "signed-in" || outcome.kind === "signed-out") {
    return (
      <p className="notice notice-ok" role="status">
        Your e-mail address is verified. <Link href="/dashboard/">Go to your dashboard</Link>
      </p>
    );
  }
  return (
    <p className="notice notice-error" role="alert">
      This verification link is invalid or has expired.
    </p>
  );
}

export function PasswordResetRequest() {
  const [sent, setSent] = useState(false);
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    const result = await requestPasswordReset(field("email"));
    setOutcome(result);
    if (result.kind !== "failed" && result.kind !== "invalid") setSent(true);
  };
  if (sent) {
    return (
      <p className="notice notice-ok" role="status">
        If an account uses that address, we sent it a link to choose a new password.
      </p>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Reset password">
      <Errors outcome={outcome} />
      <label>
        E-mail
        <input type="email" name="email" autoComplete="email" required />
      </label>
      <button type="submit" className="button">
        Send reset link
      </button>
    </form>
  );
}

export function PasswordResetForm({ resetKey }: { resetKey: string }) {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const hydrated = useHydrated();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    const result = await resetPassword(resetKey, field("password"));
    setOutcome(result);
    if (result.kind === "signed-in") announceSessionChange();
  };
  if (outcome && (outcome.kind === "signed-in" || outcome.kind === "signed-out")) {
    return (
      <p className="notice notice-ok" role="status">
        Your password was changed. <Link href="/account/login/">Log in</Link>
      </p>
    );
  }
  return (
    <SecretForm label="Choose a new password" onSubmit={onSubmit}>
      <Errors outcome={outcome} />
      <label>
        New password
        <input type="password" name="password" autoComplete="new-password" minLength={8} required />
      </label>
      <button type="submit" className="button" disabled={!hydrated}>
        Change password
      </button>
    </SecretForm>
  );
}

export function ProfileForm() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void loadProfile().then((result) => {
      if (result.ok) setProfile(result.data);
      else setStatus({ ok: false, text: result.status === 401 ? "Please log in to edit your profile." : result.error.message });
    });
  }, []);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    const result = await saveProfile({ display_name: field("display_name"), bio: field("bio") });
    if (result.ok) {
      setProfile(result.data);
      setStatus({ ok: true, text: "Saved." });
    } else {
      const details = Object.values(result.error.fields ?? {}).flat().join(" ");
      setStatus({ ok: false, text: `${result.error.message} ${details}`.trim() });
    }
  };
  if (!profile) {
    return status ? (
      <p className="notice notice-error" role="alert">
        {status.text} <Link href="/account/login/?next=/account/profile/">Log in</Link>
      </p>
    ) : (
      <p aria-busy="true">Loading your profile…</p>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Profile">
      {status ? (
        <p className={`notice ${status.ok ? "notice-ok" : "notice-error"}`} role="status">
          {status.text}
        </p>
      ) : null}
      <p>Signed in as {profile.email}</p>
      <label>
        Display name
        <input name="display_name" defaultValue={profile.display_name} maxLength={80} />
      </label>
      <label>
        Bio
        <textarea name="bio" defaultValue={profile.bio} maxLength={500} rows={4} />
      </label>
      <button type="submit" className="button">
        Save profile
      </button>
    </form>
  );
}

/** Shown where JavaScript is off: the forms above it are sent only by our code. */
export function NoScriptNotice({ action }: { action: string }) {
  return (
    <noscript>
      <p className="notice notice-error">
        {action} needs JavaScript, which is turned off in this browser. Turn it on for this site and reload the page.
      </p>
    </noscript>
  );
}
