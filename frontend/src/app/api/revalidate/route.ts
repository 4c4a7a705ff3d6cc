import { revalidatePath, revalidateTag } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { bearer, revalidateBodySchema, secretMatches } from "@/lib/revalidate";

const error = (status: number, code: string, message: string, fields?: Record<string, string[]>) =>
  NextResponse.json({ status, code, message, ...(fields ? { fields } : {}) }, { status });

/**
 * Called by Wagtail on publish, unpublish, move and delete:
 * POST {"tags": [...], "paths": [...]} with "Authorization: Bearer <REVALIDATE_SECRET>".
 */
export async function POST(request: NextRequest) {
  if (!process.env.REVALIDATE_SECRET) return error(503, "not_configured", "Revalidation is not configured.");
  if (!secretMatches(bearer(request.headers.get("authorization")), process.env.REVALIDATE_SECRET)) {
    return error(401, "not_authenticated", "A valid revalidation secret is required.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return error(400, "invalid", "The body must be JSON.");
  }
  const parsed = revalidateBodySchema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "body")] ??= []).push(issue.message);
    return error(400, "invalid", "Invalid input.", fields);
  }
  const { tags, paths } = parsed.data;
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  for (const path of paths) revalidatePath(path);
  console.info(`event=revalidated tags=${tags.length} paths=${paths.length}`);
  return NextResponse.json({ revalidated: true, tags, paths });
}
