import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * The draft preview renders per request anyway, so its inline scripts can carry a
 * nonce instead of the static pages' 'unsafe-inline'. Next reads the nonce from the
 * request's policy and stamps it on every script it renders.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(process.env, { nonce });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// A literal: Next reads the matcher without running this module. headerRules leaves
// this path out.
export const config = { matcher: "/preview/" };
