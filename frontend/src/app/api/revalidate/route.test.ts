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

describe("POST /api/revalidate", () => {
  beforeEach(() => {
    vi.stubEnv("REVALIDATE_SECRET", SECRET);
    vi.spyOn(console, "info").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
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
