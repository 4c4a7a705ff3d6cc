import { timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const revalidateBodySchema = z.object({
  tags: z.array(z.string().min(1).max(200)).max(100).default([]),
  paths: z
    .array(z.string().max(2000).regex(/^\/(?!\/)/, "paths start with a single /"))
    .max(100)
    .default([]),
});
export type RevalidateBody = z.infer<typeof revalidateBodySchema>;

/** The error body of the revalidation routes (the API's one error format). */
export type RevalidateError = { status: number; code: string; message: string; fields?: Record<string, string[]> };

/** Constant-time comparison of a presented secret with the configured one (never empty). */
export function secretMatches(presented: string | null, expected: string | undefined): boolean {
  if (!expected || !presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "Bearer <secret>" → "<secret>". */
export function bearer(header: string | null): string | null {
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim() ?? null;
}

/** The configured secret when the caller presented it; else why it may not revalidate. */
export function authorize(
  authorization: string | null,
  secret: string | undefined,
): { secret: string } | { error: RevalidateError } {
  if (!secret) return { error: { status: 503, code: "not_configured", message: "Revalidation is not configured." } };
  if (!secretMatches(bearer(authorization), secret)) {
    return { error: { status: 401, code: "not_authenticated", message: "A valid revalidation secret is required." } };
  }
  return { secret };
}

export function parseRevalidateBody(body: unknown): { body: RevalidateBody } | { error: RevalidateError } {
  const parsed = revalidateBodySchema.safeParse(body);
  if (parsed.success) return { body: parsed.data };
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "body")] ??= []).push(issue.message);
  return { error: { status: 400, code: "invalid", message: "Invalid input.", fields } };
}
