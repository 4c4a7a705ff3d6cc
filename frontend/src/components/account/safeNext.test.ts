import { describe, expect, it } from "vitest";
import { safeNext } from "./AccountForms";

describe("safeNext", () => {
  it("follows same-origin paths, with their query and fragment", () => {
    expect(safeNext("/courses/python-from-scratch/")).toBe("/courses/python-from-scratch/");
    expect(safeNext("/exercises/3/?tab=tests#editor")).toBe("/exercises/3/?tab=tests#editor");
  });

  it.each([
    "//evil.test/",
    "https://evil.test/",
    "/\\evil.test/",
    "/\t/evil.test/",
    "/%09/evil.test/".replace("%09", "\t"),
    "/\n/evil.test/",
    "\\/evil.test/",
    " //evil.test/",
    "javascript:alert(1)",
    "",
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/dashboard/");
  });

  it("falls back to the dashboard without a next", () => {
    expect(safeNext(null)).toBe("/dashboard/");
    expect(safeNext(undefined)).toBe("/dashboard/");
  });
});
