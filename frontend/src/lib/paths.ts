/** The path of an absolute frontend URL from the API ("/blog/x/"); safe in the browser too. */
export function pathOfUrl(htmlUrl: string | null | undefined): string | null {
  if (!htmlUrl) return null;
  try {
    return new URL(htmlUrl).pathname;
  } catch {
    return htmlUrl.startsWith("/") ? htmlUrl : null;
  }
}
