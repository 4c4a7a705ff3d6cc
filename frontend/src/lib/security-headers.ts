// The security headers of every response, built from the environment at build time
// (next.config.ts serves them through headers(), so pages stay static).

type Env = Record<string, string | undefined>;
export type Header = { key: string; value: string };

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * The Content-Security-Policy.
 *
 * Scripts: 'self' plus 'unsafe-inline'. Next streams each page's data in inline
 * <script> tags whose content differs per page and per build. A nonce would need a
 * fresh value per response, which makes every page dynamic; a hash cannot be known
 * where headers are configured. Static, cached pages matter more here, so inline
 * scripts are allowed and the rest is shut: no other script origin (but analytics,
 * when configured), no plugins, no <base> or form targets elsewhere, no framing but
 * by the Wagtail admin. React escapes what it renders; the raw HTML we insert comes
 * from Wagtail's rich text and the server-side highlighter, never from readers.
 */
export function contentSecurityPolicy(env: Env): string {
  const production = env.NODE_ENV === "production";
  // The backend's public origin: image renditions' URLs point there, and its admin
  // frames the preview. The browser's API and auth calls go through this origin's
  // rewrites, so connect-src needs no other origin.
  const backend = originOf(env.PUBLIC_BACKEND_URL ?? env.BACKEND_URL ?? "http://localhost:8000");
  const analytics = originOf(env.ANALYTICS_SCRIPT_URL);
  const https = (env.SITE_URL ?? "").startsWith("https://");
  const directives: [string, ...(string | null | false)[]][] = [
    ["default-src", "'self'"],
    // React's development build evaluates strings for its stack traces.
    ["script-src", "'self'", "'unsafe-inline'", analytics, !production && "'unsafe-eval'"],
    // Highlighted code colours itself with style attributes.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", backend],
    ["font-src", "'self'"],
    ["connect-src", "'self'", analytics],
    ["frame-src", "https://www.youtube-nocookie.com"],
    ["frame-ancestors", "'self'", backend],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives
    .map(([name, ...sources]) => [name, ...new Set(sources.filter(Boolean))].join(" "))
    .join("; ");
}

export function securityHeaders(env: Env): Header[] {
  const headers: Header[] = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  ];
  // Only where the site is served over HTTPS (browsers ignore it over HTTP anyway);
  // the same lifetime as the backend's.
  if ((env.SITE_URL ?? "").startsWith("https://")) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains; preload" });
  }
  return headers;
}
