// src/pages/api/revalidate-pages.ts (tested from here: every file under src/pages is a route).
import type { NextApiRequest, NextApiResponse } from "next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import revalidatePages from "@/pages/api/revalidate-pages";

const SECRET = "s3cret-for-tests";

function call(body: unknown, { method = "POST", authorization = `Bearer ${SECRET}` } = {}) {
  const req = { method, headers: { authorization }, body } as unknown as NextApiRequest;
  const answer = { status: 200, body: undefined as unknown };
  const revalidate = vi.fn(async (path: string) => {
    if (path.includes("broken")) throw new Error(`Failed to revalidate ${path}`);
  });
  const res = {
    revalidate,
    setHeader: vi.fn(),
    status(code: number) {
      answer.status = code;
      return res;
    },
    json(value: unknown) {
      answer.body = value;
      return res;
    },
  } as unknown as NextApiResponse;
  return revalidatePages(req, res).then(() => ({ ...answer, revalidate }));
}

describe("POST /api/revalidate-pages", () => {
  beforeEach(() => {
    vi.stubEnv("REVALIDATE_SECRET", SECRET);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("regenerates each post at its own URL (trailing slash) and nothing else", async () => {
    const { status, body, revalidate } = await call({ paths: ["/blog/a/", "/blog/", "/courses/b/", "/blog/c/"] });
    expect(status).toBe(200);
    expect(revalidate.mock.calls).toEqual([["/blog/a/"], ["/blog/c/"]]);
    expect(body).toEqual({ revalidated: true, paths: ["/blog/a/", "/blog/c/"] });
  });

  it("refuses a wrong secret, another method and a malformed body", async () => {
    expect((await call({ paths: [] }, { authorization: "Bearer nope" })).status).toBe(401);
    expect((await call({ paths: [] }, { method: "GET" })).status).toBe(405);
    expect((await call({ paths: ["//evil.test/"] })).status).toBe(400);
  });

  it("answers 502 when a post could not be regenerated", async () => {
    const { status, body } = await call({ paths: ["/blog/broken/"] });
    expect(status).toBe(502);
    expect(body).toMatchObject({ code: "revalidation_failed" });
  });
});
