// Learner accounts through allauth's headless browser API (same origin, session cookie).
import { auth } from "@/api/client";

type Json = Record<string, unknown>;
type FieldError = { message: string; code: string; param?: string };

/** What the UI reads from allauth's envelope ({status, data, meta, errors}). */
type AuthEnvelope = {
  user: { id: number; email: string } | null;
  flows: { id: string; is_pending?: boolean }[];
  authenticated: boolean | null;
  errors: FieldError[] | null;
};

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const optional = <T>(value: unknown, check: (value: unknown) => value is T): value is T | undefined =>
  value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const arrayOf = <T>(value: unknown, check: (item: unknown) => item is T): T[] | null =>
  Array.isArray(value) && value.every(check) ? value : null;

const isUser = (value: unknown): value is { id: number; email: string } =>
  isObject(value) && typeof value.id === "number" && isString(value.email);
const isFlow = (item: unknown): item is AuthEnvelope["flows"][number] =>
  isObject(item) && isString(item.id) && optional(item.is_pending, isBoolean);
const isFieldError = (item: unknown): item is FieldError =>
  isObject(item) && isString(item.message) && isString(item.code) && optional(item.param, isString);

/**
 * allauth's envelope, checked by hand rather than with zod: the session check runs on
 * every page (the account menu), and zod's core would add some 27 kB of gzipped
 * JavaScript to each, since the bundler cannot trim it. Null when the body is not one.
 */
function envelopeOf(body: unknown): AuthEnvelope | null {
  if (!isObject(body) || typeof body.status !== "number") return null;
  const data = body.data ?? {};
  const meta = body.meta ?? {};
  if (!isObject(data) || !isObject(meta) || !optional(meta.is_authenticated, isBoolean)) return null;
  const user = data.user;
  if (!optional(user, isUser)) return null;
  const flows = arrayOf(data.flows ?? [], isFlow);
  const errors = body.errors === undefined ? null : arrayOf(body.errors, isFieldError);
  if (!flows || (body.errors !== undefined && !errors)) return null;
  return {
    user: user ? { id: user.id, email: user.email } : null,
    flows,
    authenticated: meta.is_authenticated ?? null,
    errors,
  };
}

export type AuthOutcome =
  | { kind: "signed-in"; email: string }
  | { kind: "pending"; flow: string }
  | { kind: "signed-out" }
  | { kind: "already-signed-in" }
  | { kind: "invalid"; errors: { message: string; param?: string }[] }
  | { kind: "failed"; message: string };

/** Maps an allauth answer to what the UI does next. */
export function outcomeOf(status: number, body: unknown): AuthOutcome {
  const envelope = envelopeOf(body);
  if (!envelope) return { kind: "failed", message: "The account service answered unexpectedly." };
  if (status === 200 && envelope.user && envelope.authenticated !== false) {
    return { kind: "signed-in", email: envelope.user.email };
  }
  if (status === 401) {
    const pending = envelope.flows.find((flow) => flow.is_pending);
    return pending ? { kind: "pending", flow: pending.id } : { kind: "signed-out" };
  }
  // allauth's 409: this browser already has a session, so there is nothing to sign in to.
  if (status === 409) return { kind: "already-signed-in" };
  if (status === 400) {
    return { kind: "invalid", errors: envelope.errors ?? [{ message: "Please check the form." }] };
  }
  if (status === 429) return { kind: "failed", message: "Too many attempts. Please wait a few minutes." };
  if (status === 200) return { kind: "signed-out" };
  return { kind: "failed", message: "The account service is unavailable. Please try again." };
}

type Call = Promise<{ data?: unknown; error?: unknown; response: Response }>;

async function settle(call: Call): Promise<AuthOutcome> {
  try {
    const { data, error, response } = await call;
    return outcomeOf(response.status, data ?? error);
  } catch {
    return { kind: "failed", message: "Could not reach the account service." };
  }
}

/**
 * The readable cookie the backend keeps beside the (HttpOnly) session cookie while
 * the session is signed in (accounts/middleware.py). allauth answers a visitor's
 * session check with 401, so a browser without the mark does not ask.
 */
export const SIGNED_IN_COOKIE = "signed_in";

export function hasSignedInMark(cookies: string): boolean {
  return cookies.split(";").some((part) => part.trim().startsWith(`${SIGNED_IN_COOKIE}=`));
}

/** Asks the backend: the answer is the truth, whatever the mark said. */
export const session = () => settle(auth.GET("/auth/session"));

/** The session, without asking the backend in a browser the backend never marked as signed in. */
export function knownSession(): Promise<AuthOutcome> {
  if (typeof document !== "undefined" && !hasSignedInMark(document.cookie)) {
    return Promise.resolve({ kind: "signed-out" });
  }
  return session();
}

/** A sign-in that finds this browser already signed in ends signed in, not with an error. */
async function signIn(call: Call): Promise<AuthOutcome> {
  const outcome = await settle(call);
  return outcome.kind === "already-signed-in" ? session() : outcome;
}

export const logIn = (email: string, password: string) =>
  signIn(auth.POST("/auth/login", { body: { email, password } }));
export const signUp = (email: string, password: string) =>
  signIn(auth.POST("/auth/signup", { body: { email, password } }));
export const logOut = () => settle(auth.DELETE("/auth/session"));
export const verifyEmail = (key: string) => settle(auth.POST("/auth/email/verify", { body: { key } }));
export const requestPasswordReset = (email: string) =>
  settle(auth.POST("/auth/password/request", { body: { email } }));
export const resetPassword = (key: string, password: string) =>
  settle(auth.POST("/auth/password/reset", { body: { key, password } }));

export const SESSION_EVENT = "codecampus:session";
/** Tells every mounted component that the session changed (log in/out). */
export const announceSessionChange = () => window.dispatchEvent(new Event(SESSION_EVENT));
