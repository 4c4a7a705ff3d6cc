// The one HTTP client of the app: openapi-fetch typed by the generated contract.
// Server components read content through `server`, browsers call the same-origin
// proxy (Next rewrites to the backend) through `browser`.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";
import type { authPaths } from "./auth-paths";

export const backendUrl = (): string => (process.env.BACKEND_URL ?? "http://localhost:8000").replace(/\/+$/, "");

/** Fallback only: publishes revalidate these tags within seconds through /api/revalidate. */
export const FALLBACK_REVALIDATE_SECONDS = 3600;

/** Options for a cached server read, tagged so the revalidation route can expire it. */
export const cachedRead = (tags: string[]) => ({
  fetch: (request: Request) =>
    fetch(request, { next: { tags: ["content", ...tags], revalidate: FALLBACK_REVALIDATE_SECONDS } }),
});

/** Options for a read that must never be cached (drafts in preview). */
export const uncachedRead = () => ({
  fetch: (request: Request) => fetch(request, { cache: "no-store" }),
});

export const server = createClient<paths>({ baseUrl: backendUrl() });

const csrfToken = (): string | undefined => {
  if (typeof document === "undefined") return undefined;
  const match = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return match ? decodeURIComponent(match.slice("csrftoken=".length)) : undefined;
};

/** The CSRF token, first asking the backend to set its cookie when the browser has none yet. */
async function ensureCsrfToken(): Promise<string | undefined> {
  const existing = csrfToken();
  if (existing) return existing;
  try {
    // allauth's session endpoint sets the csrftoken cookie (its 401 for a visitor is expected).
    await auth.GET("/auth/session");
  } catch {
    return undefined;
  }
  return csrfToken();
}

const csrf: Middleware = {
  async onRequest({ request }) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      const token = await ensureCsrfToken();
      if (token) request.headers.set("X-CSRFToken", token);
    }
    return request;
  },
};

export const browser = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
browser.use(csrf);

export const auth = createClient<authPaths>({ baseUrl: "/api/auth/browser/v1", credentials: "same-origin" });
auth.use(csrf);
