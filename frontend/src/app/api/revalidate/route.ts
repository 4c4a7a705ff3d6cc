import { revalidatePath, revalidateTag } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { isPagesRouterPath } from "@/lib/paths";
import { authorize, parseRevalidateBody, type RevalidateError } from "@/lib/revalidate";

const error = ({ status, ...body }: RevalidateError) => NextResponse.json({ status, ...body }, { status });

/**
 * Posts are Pages Router pages, whose cache revalidatePath() does not reach: the Pages
 * Router's own route regenerates them with res.revalidate() (src/pages/api/revalidate-pages.ts).
 */
async function revalidatePagesRouter(origin: string, paths: string[], secret: string): Promise<boolean> {
  if (paths.length === 0) return true;
  try {
    const response = await fetch(new URL("/api/revalidate-pages/", origin), {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ paths }),
      cache: "no-store",
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Called by Wagtail on publish, unpublish, move and delete:
 * POST {"tags": [...], "paths": [...]} with "Authorization: Bearer <REVALIDATE_SECRET>".
 */
export async function POST(request: NextRequest) {
  const authorized = authorize(request.headers.get("authorization"), process.env.REVALIDATE_SECRET);
  if ("error" in authorized) return error(authorized.error);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return error({ status: 400, code: "invalid", message: "The body must be JSON." });
  }
  const parsed = parseRevalidateBody(body);
  if ("error" in parsed) return error(parsed.error);
  const { tags, paths } = parsed.body;
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  for (const path of paths) revalidatePath(path);
  const pagesRouterPaths = paths.filter(isPagesRouterPath);
  if (!(await revalidatePagesRouter(request.nextUrl.origin, pagesRouterPaths, authorized.secret))) {
    console.warn(`event=revalidation_failed router=pages paths=${pagesRouterPaths.length}`);
    return error({ status: 502, code: "revalidation_failed", message: "The posts could not be revalidated." });
  }
  console.info(`event=revalidated tags=${tags.length} paths=${paths.length}`);
  return NextResponse.json({ revalidated: true, tags, paths });
}
