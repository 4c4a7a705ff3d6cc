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
  if (status === 400 || status === 409) {
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
    return remember(outcomeOf(response.status, data ?? error));
  } catch {
    return { kind: "failed", message: "Could not reach the account service." };
  }
}

// allauth answers a visitor's session check with 401: a request, and an error in the
// console, on every page for every visitor. So a browser asks only once it has seen a
// session here; every sign-in goes through settle(), which leaves that mark first.
const SIGNED_IN_MARK = "codecampus:signed-in";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled: always ask
  }
}

function remember(outcome: AuthOutcome): AuthOutcome {
  const store = storage();
  if (outcome.kind === "signed-in") store?.setItem(SIGNED_IN_MARK, "1");
  else if (outcome.kind !== "failed") store?.removeItem(SIGNED_IN_MARK);
  return outcome;
}

/** Asks the backend (and updates the mark). */
export const session = () => settle(auth.GET("/auth/session"));

/** The session, without asking the backend in a browser that was never signed in here. */
export function knownSession(): Promise<AuthOutcome> {
  const store = storage();
  if (store && store.getItem(SIGNED_IN_MARK) === null) return Promise.resolve({ kind: "signed-out" });
  return session();
}
export const logIn = (email: string, password: string) =>
  settle(auth.POST("/auth/login", { body: { email, password } }));
export const signUp = (email: string, password: string) =>
  settle(auth.POST("/auth/signup", { body: { email, password } }));
export const logOut = () => settle(auth.DELETE("/auth/session"));
export const verifyEmail = (key: string) => settle(auth.POST("/auth/email/verify", { body: { key } }));
export const requestPasswordReset = (email: string) =>
  settle(auth.POST("/auth/password/request", { body: { email } }));
export const resetPassword = (key: string, password: string) =>
  settle(auth.POST("/auth/password/reset", { body: { key, password } }));

export const SESSION_EVENT = "codecampus:session";
/** Tells every mounted component that the session changed (log in/out). */
export const announceSessionChange = () => window.dispatchEvent(new Event(SESSION_EVENT));
