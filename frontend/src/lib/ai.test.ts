import { describe, expect, it } from "vitest";
import { describeGeneration, generationSchema } from "./ai";

const generation = {
  content: "Check the loop's end.",
  cached: false,
  provider: "openai",
  model: "gpt-4o-mini",
  remaining_calls: 19,
  limit: 20,
};

describe("describeGeneration", () => {
  it("names the model and the remaining requests", () => {
    expect(describeGeneration(generation)).toBe(
      "AI (gpt-4o-mini), freshly generated; 19 of 20 AI requests left this hour.",
    );
  });

  it("says plainly when the offline helper answered from the cache", () => {
    const text = describeGeneration({ ...generation, provider: "offline", cached: true, limit: null, remaining_calls: null });
    expect(text).toContain("not by a language model");
    expect(text).toContain("answered from the cache; no limit");
  });
});

describe("generationSchema", () => {
  it("rejects an answer without content", () => {
    expect(generationSchema.safeParse({ ...generation, content: undefined }).success).toBe(false);
  });
});
