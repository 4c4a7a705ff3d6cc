/** The path of an absolute frontend URL from the API ("/blog/x/"); safe in the browser too. */
export function pathOfUrl(htmlUrl: string | null | undefined): string | null {
  if (!htmlUrl) return null;
  try {
    return new URL(htmlUrl).pathname;
  } catch {
    return htmlUrl.startsWith("/") ? htmlUrl : null;
  }
}

const POST_PATH = /^\/blog\/([^/]+)\/$/;

/** A post's slug when its path is /blog/<slug>/ (the route that posts have to themselves). */
export function postSlugOf(path: string | null): string | null {
  return (path && POST_PATH.exec(path)?.[1]) || null;
}

/** Whether a path is served by the Pages Router (posts; everything else is the App Router's). */
export const isPagesRouterPath = (path: string): boolean => postSlugOf(path) !== null;
