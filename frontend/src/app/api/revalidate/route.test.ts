import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);

const { POST } = await import("./route");

const SECRET = "s3cret-for-tests";

const call = (body: unknown, authorization?: string) =>
  POST(
    new NextRequest("http://frontend.test/api/revalidate/", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

// The Pages Router's route (src/pages/api/revalidate-pages.ts), which regenerates posts.
const pagesRouter = vi.fn<(url: URL, init: RequestInit) => Promise<Response>>();

describe("POST /api/revalidate", () => {
  beforeEach(() => {
    vi.stubEnv("REVALIDATE_SECRET", SECRET);
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    pagesRouter.mockResolvedValue(Response.json({ revalidated: true }));
    vi.stubGlobal("fetch", pagesRouter);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it("expires every tag at once and every path", async () => {
    const response = await call({ tags: ["page:6", "type:blog.BlogPage"], paths: ["/blog/x/"] }, `Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(cache.revalidateTag.mock.calls).toEqual([
      ["page:6", { expire: 0 }],
      ["type:blog.BlogPage", { expire: 0 }],
    ]);
    expect(cache.revalidatePath).toHaveBeenCalledWith("/blog/x/");
  });

  it("has the Pages Router regenerate the posts among the paths, with the same secret", async () => {
    const response = await call({ tags: ["page:6"], paths: ["/blog/x/", "/blog/", "/courses/y/"] }, `Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(pagesRouter).toHaveBeenCalledTimes(1);
    const [url, init] = pagesRouter.mock.calls[0]!;
    expect(String(url)).toBe("http://frontend.test/api/revalidate-pages/");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ authorization: `Bearer ${SECRET}` });
    expect(JSON.parse(String(init.body))).toEqual({ paths: ["/blog/x/"] });
  });

  it("leaves the Pages Router alone when no post changed", async () => {
    const response = await call({ tags: ["type:courses.CoursePage"], paths: ["/courses/y/"] }, `Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(pagesRouter).not.toHaveBeenCalled();
  });

  it("answers 502 when the posts could not be regenerated, so that the backend logs it", async () => {
    const failures = [async () => new Response(null, { status: 500 }), async () => Promise.reject(new TypeError("fetch failed"))];
    for (const failure of failures) {
      pagesRouter.mockImplementationOnce(failure);
      const response = await call({ paths: ["/blog/x/"] }, `Bearer ${SECRET}`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ status: 502, code: "revalidation_failed" });
    }
  });

  it("refuses a missing or wrong secret in the one error format", async () => {
    for (const header of [undefined, "Bearer nope", SECRET]) {
      const response = await call({ tags: ["x"] }, header);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        status: 401,
        code: "not_authenticated",
        message: "A valid revalidation secret is required.",
      });
    }
    expect(cache.revalidateTag).not.toHaveBeenCalled();
  });

  it("is closed when no secret is configured", async () => {
    vi.stubEnv("REVALIDATE_SECRET", "");
    const response = await call({ tags: ["x"] }, "Bearer ");
    expect(response.status).toBe(503);
  });

  it("rejects bodies that are not JSON or not the expected shape", async () => {
    expect((await call("{nope", `Bearer ${SECRET}`)).status).toBe(400);
    const response = await call({ tags: "page:1", paths: ["//evil.test/"] }, `Bearer ${SECRET}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fields).sort()).toEqual(["paths", "tags"]);
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });
});
