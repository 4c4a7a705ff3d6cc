export const SITE_NAME = "CodeCampus";
export const SITE_DESCRIPTION = "Learn to program with articles, courses and exercises graded in seconds.";

/** Where the frontend is served; canonical URLs, the sitemap and the feed use it. */
export const siteUrl = (): string => (process.env.SITE_URL ?? process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");

export const absoluteUrl = (path: string): string => `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
