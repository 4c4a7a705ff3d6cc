import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "./errors";
import { loadBlogPost, postAt } from "./blog-post";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const page = (id: number, slug: string, type = "blog.BlogPage") => ({
  id,
  title: `Post ${id}`,
  meta: { type, html_url: `http://s.test/blog/${slug}/` },
  categories: [{ name: "Python", slug: "python" }],
});

/** The backend: a page per path, and the posts of a category. */
function backend(pages: Record<string, unknown>, listing: unknown[] = []) {
  return vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === "/api/v2/pages/find/") {
      const found = pages[url.searchParams.get("html_path") ?? ""];
      return found ? json(200, found) : json(404, { status: 404, code: "not_found", message: "Not found." });
    }
    return json(200, { meta: { total_count: listing.length }, items: listing });
  });
}

describe("postAt", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("finds the post at /blog/<slug>/", async () => {
    vi.stubGlobal("fetch", backend({ "/blog/loops/": page(6, "loops") }));
    expect(await postAt("loops")).toMatchObject({ id: 6 });
  });

  it("is null where there is no page, or a page that is not a post", async () => {
    vi.stubGlobal("fetch", backend({ "/blog/about/": page(7, "about", "home.HomePage") }));
    expect(await postAt("missing")).toBeNull();
    expect(await postAt("about")).toBeNull();
  });

  it("lets a backend failure through rather than calling it missing", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => json(500, { status: 500, code: "error", message: "boom" })));
    await expect(postAt("loops")).rejects.toBeInstanceOf(BackendError);
  });
});

describe("loadBlogPost", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("highlights the post's code and lists up to three other posts of its first category", async () => {
    const fetch = backend({}, [page(6, "loops"), page(1, "a"), page(2, "b"), page(3, "c")]);
    vi.stubGlobal("fetch", fetch);
    const post = {
      ...page(6, "loops"),
      body: [{ type: "code", id: "c", value: { language: "python", filename: "", code: "print(1)" } }],
    };
    const { post: loaded, related } = await loadBlogPost(post);
    expect(loaded.body[0]).toMatchObject({ type: "code", html: expect.stringContaining('class="shiki') });
    expect(related.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(new URL(fetch.mock.calls[0]![0].url).searchParams.get("category")).toBe("python");
  });

  it("lists nothing related for a post without a category", async () => {
    const fetch = backend({});
    vi.stubGlobal("fetch", fetch);
    expect((await loadBlogPost({ ...page(6, "loops"), categories: [] })).related).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });
});
