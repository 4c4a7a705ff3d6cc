// Learner accounts through allauth's headless browser API (same origin, session cookie).
import { z } from "zod";
import { auth } from "@/api/client";

const envelopeSchema = z.object({
  status: z.number(),
  data: z
    .object({
      user: z.object({ id: z.number(), email: z.string(), display: z.string().optional() }).optional(),
      flows: z.array(z.object({ id: z.string(), is_pending: z.boolean().optional() })).optional(),
    })
    .loose()
    .optional(),
  meta: z.object({ is_authenticated: z.boolean().optional() }).loose().optional(),
  errors: z.array(z.object({ message: z.string(), code: z.string(), param: z.string().optional() })).optional(),
});
export type AuthEnvelope = z.infer<typeof envelopeSchema>;

export type AuthOutcome =
  | { kind: "signed-in"; email: string }
  | { kind: "pending"; flow: string }
  | { kind: "signed-out" }
  | { kind: "invalid"; errors: { message: string; param?: string }[] }
  | { kind: "failed"; message: string };

/** Maps an allauth answer to what the UI does next. */
export function outcomeOf(status: number, body: unknown): AuthOutcome {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { kind: "failed", message: "The account service answered unexpectedly." };
  const envelope = parsed.data;
  if (status === 200 && envelope.data?.user && envelope.meta?.is_authenticated !== false) {
    return { kind: "signed-in", email: envelope.data.user.email };
  }
  if (status === 401) {
    const pending = envelope.data?.flows?.find((flow) => flow.is_pending);
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
    return outcomeOf(response.status, data ?? error);
  } catch {
    return { kind: "failed", message: "Could not reach the account service." };
  }
}

export const session = () => settle(auth.GET("/auth/session"));
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
