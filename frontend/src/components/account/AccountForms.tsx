"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import type { Profile } from "@/api/models";
import {
  announceSessionChange,
  logIn,
  logOut,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
  type AuthOutcome,
} from "@/lib/auth";
import { loadProfile, saveProfile } from "@/lib/learning";

/** Only same-site paths are followed after logging in. */
export function safeNext(next: string | null): string {
  // "//host" and "/\host" are read by browsers as another site.
  return next && /^\/(?![/\\])/.test(next) ? next : "/dashboard/";
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
  const params = useSearchParams();
  return () => {
    announceSessionChange();
    // Typed nullable since the app also has a Pages Router (where it would be null).
    router.push(safeNext(params?.get("next") ?? null));
  };
}

export function LoginForm() {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const done = useAfterSignIn();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    const field = fieldsOf(event);
    setBusy(true);
    const result = await logIn(field("email"), field("password"));
    setBusy(false);
    setOutcome(result);
    if (result.kind === "signed-in") done();
  };
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Log in">
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
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </button>
      <p>
        <Link href="/account/password/reset/">Forgot your password?</Link> · <Link href="/account/signup/">Create an account</Link>
      </p>
    </form>
  );
}

export function SignupForm() {
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);
  const [busy, setBusy] = useState(false);
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
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Sign up">
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
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Creating your account…" : "Sign up"}
      </button>
      <p>
        Already have an account? <Link href="/account/login/">Log in</Link>
      </p>
    </form>
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
    <form className="form" onSubmit={onSubmit} aria-label="Choose a new password">
      <Errors outcome={outcome} />
      <label>
        New password
        <input type="password" name="password" autoComplete="new-password" minLength={8} required />
      </label>
      <button type="submit" className="button">
        Change password
      </button>
    </form>
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
