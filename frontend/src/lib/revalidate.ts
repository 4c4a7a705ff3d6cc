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
