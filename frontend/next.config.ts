import type { NextConfig } from "next";
import { headerRules } from "./src/lib/security-headers";

const backend = (process.env.BACKEND_URL ?? "http://localhost:8000").replace(/\/+$/, "");

const config: NextConfig = {
  // Wagtail's paths end in "/", and so do ours; the backend's API paths keep theirs too.
  trailingSlash: true,
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  // The browser talks only to this origin: the learning API, accounts and media are
  // proxied, so the session cookie and CSRF token work without CORS.
  async rewrites() {
    return [
      // Django's API paths end in "/": keep it through the rewrite.
      { source: "/api/v1/:path*/", destination: `${backend}/api/v1/:path*/` },
      { source: "/api/v1/:path*", destination: `${backend}/api/v1/:path*` },
      { source: "/api/auth/:path*", destination: `${backend}/api/auth/:path*` },
      { source: "/media/:path*", destination: `${backend}/media/:path*` },
    ];
  },
  async headers() {
    return headerRules(process.env);
  },
};

export default config;
