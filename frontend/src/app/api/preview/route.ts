import { draftMode } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { previewPage } from "@/lib/content";

const error = (status: number, code: string, message: string) => NextResponse.json({ status, code, message }, { status });

/**
 * Wagtail's preview (wagtail-headless-preview) opens
 * /api/preview/?content_type=<app.model>&token=<signed token>[&in_preview_panel=true].
 * The token is checked by the backend before draft mode is switched on.
 */
export async function GET(request: NextRequest) {
  const contentType = request.nextUrl.searchParams.get("content_type") ?? "";
  const token = request.nextUrl.searchParams.get("token") ?? "";
  if (!/^[a-z0-9_]+\.[a-z0-9_]+$/i.test(contentType) || !token || token.length > 2000) {
    return error(400, "invalid", "content_type and token are required.");
  }
  const page = await previewPage({ contentType, token }).catch(() => undefined);
  if (page === undefined) return error(502, "backend_unavailable", "The content service could not be reached.");
  if (page === null) return error(404, "not_found", "This preview link is invalid or has expired.");
  (await draftMode()).enable();
  const target = new URL("/preview/", request.nextUrl.origin);
  target.searchParams.set("content_type", contentType);
  target.searchParams.set("token", token);
  return NextResponse.redirect(target, 307);
}
