import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendError, NotFoundError } from "./errors";

const { pageAtPath, listPosts } = await import("./content");

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("content reads", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("turns the backend's 404 into NotFoundError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(404, { status: 404, code: "not_found", message: "Not found." })));
    await expect(pageAtPath("/nope/")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("turns a backend failure into BackendError, never a 404", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(500, { status: 500, code: "error", message: "boom" })));
    await expect(pageAtPath("/blog/x/")).rejects.toBeInstanceOf(BackendError);
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(pageAtPath("/blog/x/")).rejects.toBeInstanceOf(BackendError);
  });

  it("refuses a page of an unexpected shape", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(200, { id: "six" })));
    await expect(pageAtPath("/blog/x/")).rejects.toBeInstanceOf(BackendError);
  });

  it("tags reads so that the revalidation route can expire them", async () => {
    const fetch = vi.fn<(request: Request, init?: RequestInit) => Promise<Response>>(async () =>
      json(200, { id: 6, meta: { type: "blog.BlogPage", html_url: "http://s.test/blog/x/" }, title: "X" }),
    );
    vi.stubGlobal("fetch", fetch);
    const page = await pageAtPath("/blog/x/");
    expect(page.id).toBe(6);
    const [request, init] = fetch.mock.calls[0]!;
    expect(request.url).toContain("/api/v2/pages/find/?html_path=%2Fblog%2Fx%2F&fields=*");
    expect((init as { next?: { tags?: string[] } }).next?.tags).toEqual(["content", "path:/blog/x/"]);
  });

  it("reports an invalid search as such rather than failing the page", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(400, { status: 400, code: "invalid", message: "Too long." })));
    await expect(listPosts({ search: "x".repeat(300) })).resolves.toMatchObject({ invalid: true, items: [] });
  });

  it("sends no blank filters and keeps the listing's capped count", async () => {
    const fetch = vi.fn<(request: Request) => Promise<Response>>(async () =>
      json(200, { meta: { total_count: 1000, total_count_is_capped: true }, items: [] }),
    );
    vi.stubGlobal("fetch", fetch);
    const posts = await listPosts({ search: "   ", tag: " git " });
    const url = new URL(fetch.mock.calls[0]![0].url);
    expect(url.searchParams.has("search")).toBe(false);
    expect(url.searchParams.get("tag")).toBe("git");
    expect(posts.meta).toEqual({ total_count: 1000, total_count_is_capped: true });
  });
});
