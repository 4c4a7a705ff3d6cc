import type { NextApiRequest, NextApiResponse } from "next";
import { isPagesRouterPath } from "@/lib/paths";
import { authorize, parseRevalidateBody, type RevalidateError } from "@/lib/revalidate";

const sendError = (res: NextApiResponse, { status, ...body }: RevalidateError) => res.status(status).json({ status, ...body });

/**
 * Regenerates Pages Router pages (the posts) at once: their cache is refreshed by
 * res.revalidate(), not by the App Router's revalidatePath(). Called by /api/revalidate
 * (src/app/api/revalidate/route.ts) with the same secret: POST {"paths": [...]}.
 */
export default async function revalidatePages(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return sendError(res, { status: 405, code: "method_not_allowed", message: "Use POST." });
  }
  const authorized = authorize(req.headers.authorization ?? null, process.env.REVALIDATE_SECRET);
  if ("error" in authorized) return sendError(res, authorized.error);
  const parsed = parseRevalidateBody(req.body);
  if ("error" in parsed) return sendError(res, parsed.error);
  const paths = parsed.body.paths.filter(isPagesRouterPath);
  try {
    // The form of the page's own URL (trailingSlash: true): "/blog/<slug>/".
    for (const path of paths) await res.revalidate(path);
  } catch (error) {
    console.warn(`event=revalidation_failed router=pages error=${JSON.stringify(String(error))}`);
    return sendError(res, { status: 502, code: "revalidation_failed", message: "The posts could not be revalidated." });
  }
  return res.json({ revalidated: true, paths });
}
