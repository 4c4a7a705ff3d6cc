import { describe, expect, it } from "vitest";
import config from "../../next.config";
import { contentSecurityPolicy, headerRules, securityHeaders } from "./security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.split(" ")[0] === name)
    ?.split(" ")
    .slice(1);

const PRODUCTION = { NODE_ENV: "production", BACKEND_URL: "http://backend:8000", SITE_URL: "https://campus.test" };

describe("security headers", () => {
  it("are served on every path by next.config", async () => {
    const rules = await config.headers!();
    const all = rules.find((rule) => rule.source === "/:path*");
    const names = all?.headers.map((header) => header.key);
    expect(names).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy"]));
  });

  it("set a policy on every path but the draft preview, whose proxy sets one per response", () => {
    const rules = headerRules(PRODUCTION);
    const policyRule = rules.find((rule) => rule.headers.some((header) => header.key === "Content-Security-Policy"))!;
    const matches = (path: string) => new RegExp(`^${policyRule.source.replace("/:path", "/")}$`).test(path);
    expect(["/", "/blog/", "/courses/a/b/", "/previews/", "/preview/x/"].every(matches)).toBe(true);
    expect(matches("/preview/")).toBe(false);
  });

  it("forbid inline script on posts in production builds, which ship no client runtime", () => {
    const postRule = (env: Record<string, string>) => headerRules(env).find((rule) => rule.source === "/blog/:slug/");
    expect(directive(postRule(PRODUCTION)!.headers[0]!.value, "script-src")).toEqual(["'self'"]);
    expect(postRule({ ...PRODUCTION, NODE_ENV: "development" })).toBeUndefined();
  });

  it("allow a nonce instead of every inline script where a page renders per request", () => {
    expect(directive(contentSecurityPolicy(PRODUCTION, { nonce: "abc" }), "script-src")).toEqual(["'self'", "'nonce-abc'"]);
  });

  it("allow scripts from this origin only, with no eval in production", () => {
    const policy = contentSecurityPolicy(PRODUCTION);
    expect(directive(policy, "script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'self'"]);
    expect(directive(contentSecurityPolicy({ ...PRODUCTION, NODE_ENV: "development" }), "script-src")).toContain("'unsafe-eval'");
  });

  it("let images come from the backend's public origin, which may frame the preview", () => {
    const policy = contentSecurityPolicy({ ...PRODUCTION, PUBLIC_BACKEND_URL: "https://cms.campus.test/" });
    expect(directive(policy, "img-src")).toEqual(["'self'", "https://cms.campus.test"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'self'", "https://cms.campus.test"]);
    expect(directive(contentSecurityPolicy(PRODUCTION), "img-src")).toEqual(["'self'", "http://backend:8000"]);
  });

  it("keep API calls on this origin, which proxies them", () => {
    expect(directive(contentSecurityPolicy(PRODUCTION), "connect-src")).toEqual(["'self'"]);
  });

  it("add the analytics origin only when analytics is configured", () => {
    const policy = contentSecurityPolicy({ ...PRODUCTION, ANALYTICS_SCRIPT_URL: "https://stats.test/js/script.js" });
    expect(directive(policy, "script-src")).toContain("https://stats.test");
    expect(directive(policy, "connect-src")).toContain("https://stats.test");
  });

  it("send HSTS only where the site is served over HTTPS", () => {
    const hsts = (env: Record<string, string>) =>
      securityHeaders(env).find((header) => header.key === "Strict-Transport-Security")?.value;
    expect(hsts(PRODUCTION)).toMatch(/^max-age=31536000; includeSubDomains/);
    expect(hsts({ ...PRODUCTION, SITE_URL: "http://localhost:3000" })).toBeUndefined();
    expect(directive(contentSecurityPolicy({ ...PRODUCTION, SITE_URL: "http://localhost:3000" }), "upgrade-insecure-requests")).toBeUndefined();
  });
});
