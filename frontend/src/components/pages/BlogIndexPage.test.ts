import { describe, expect, it } from "vitest";
import { postCount, queryString } from "./BlogIndexPage";

describe("postCount", () => {
  it("counts exactly, in the singular for one post", () => {
    expect(postCount({ total_count: 0, total_count_is_capped: false })).toBe("0 posts");
    expect(postCount({ total_count: 1, total_count_is_capped: false })).toBe("1 post");
    expect(postCount({ total_count: 12, total_count_is_capped: false })).toBe("12 posts");
  });

  it("says more matched when a broad search was capped", () => {
    expect(postCount({ total_count: 1000, total_count_is_capped: true })).toBe("1000+ posts");
    expect(postCount({ total_count: 1, total_count_is_capped: true })).toBe("1+ posts");
  });
});

describe("queryString", () => {
  it("keeps the filters and the page number, and drops the first page", () => {
    expect(queryString({ q: "git", tag: "tools" }, 2)).toBe("?q=git&tag=tools&page=2");
    expect(queryString({ q: "git" }, 1)).toBe("?q=git");
    expect(queryString({}, 1)).toBe("");
  });
});
