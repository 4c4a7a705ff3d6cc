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
 * How a page's inline scripts are allowed.
 *
 * - "inline": 'unsafe-inline'. The App Router streams each page's data in inline
 *   <script> tags whose content differs per page and per build. A nonce needs a fresh
 *   value per response, which makes a page dynamic; a hash cannot be known where
 *   headers are configured, and Next's subresource integrity does not cover these
 *   scripts. Static, cached pages matter more here, so they allow inline scripts; the
 *   HTML they insert is sanitised by the backend against an allow-list, and React
 *   escapes everything else.
 * - "none": no inline script at all, for the blog's posts, which ship no client
 *   runtime (their only data block is JSON, which the policy does not govern).
 * - { nonce }: only scripts carrying this response's nonce, for pages rendered per
 *   request anyway (the draft preview); src/proxy.ts issues it.
 */
export type InlineScripts = "inline" | "none" | { nonce: string };

/**
 * The Content-Security-Policy: no script origin but this one (and analytics, when
 * configured), no plugins, no <base> or form targets elsewhere, no framing but by the
 * Wagtail admin; inline scripts as `scripts` says.
 */
export function contentSecurityPolicy(env: Env, scripts: InlineScripts = "inline"): string {
  const production = env.NODE_ENV === "production";
  // The backend's public origin: image renditions' URLs point there, and its admin
  // frames the preview. The browser's API and auth calls go through this origin's
  // rewrites, so connect-src needs no other origin.
  const backend = originOf(env.PUBLIC_BACKEND_URL ?? env.BACKEND_URL ?? "http://localhost:8000");
  const analytics = originOf(env.ANALYTICS_SCRIPT_URL);
  const https = (env.SITE_URL ?? "").startsWith("https://");
  const inline = scripts === "inline" ? "'unsafe-inline'" : scripts === "none" ? null : `'nonce-${scripts.nonce}'`;
  const directives: [string, ...(string | null | false)[]][] = [
    ["default-src", "'self'"],
    // React's development build evaluates strings for its stack traces.
    ["script-src", "'self'", inline, analytics, !production && "'unsafe-eval'"],
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

/** The headers every response carries besides its Content-Security-Policy. */
export function securityHeaders(env: Env): Header[] {
  const headers: Header[] = [
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

const policy = (env: Env, scripts: InlineScripts): Header => ({
  key: "Content-Security-Policy",
  value: contentSecurityPolicy(env, scripts),
});

/**
 * next.config.ts's headers(): where two rules set the same header, the later wins.
 * Posts drop inline scripts in production builds only, as development hydrates them.
 */
export function headerRules(env: Env): { source: string; headers: Header[] }[] {
  return [
    { source: "/:path*", headers: securityHeaders(env) },
    // All but the draft preview, whose policy src/proxy.ts sets with a nonce.
    { source: "/:path((?!preview/$).*)", headers: [policy(env, "inline")] },
    ...(env.NODE_ENV === "production" ? [{ source: "/blog/:slug/", headers: [policy(env, "none")] }] : []),
  ];
}
