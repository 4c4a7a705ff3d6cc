import { describe, expect, it } from "vitest";
import { safeNext } from "./AccountForms";

describe("safeNext", () => {
  it("follows same-site paths only", () => {
    expect(safeNext("/courses/python-from-scratch/")).toBe("/courses/python-from-scratch/");
    expect(safeNext("//evil.test/")).toBe("/dashboard/");
    expect(safeNext("https://evil.test/")).toBe("/dashboard/");
    expect(safeNext("/\\evil.test/")).toBe("/dashboard/");
    expect(safeNext(null)).toBe("/dashboard/");
  });
});
