// Learner AI help (a hint for a failing submission, an explanation of code), through the typed client.
import { z } from "zod";
import { browser } from "@/api/client";
import { settle } from "./learning";

export const generationSchema = z.object({
  content: z.string(),
  cached: z.boolean(),
  provider: z.string(),
  model: z.string(),
  remaining_calls: z.number().nullable(),
  limit: z.number().nullable(),
});
export type Generation = z.infer<typeof generationSchema>;

export const requestHint = (submissionId: number) =>
  settle(
    browser.POST("/api/v1/ai/generate/", { body: { feature: "hint", context: { submission_id: submissionId } } }),
    generationSchema,
  );

export const requestExplanation = (exerciseId: number, code: string) =>
  settle(
    browser.POST("/api/v1/ai/generate/", {
      body: { feature: "explain_code", context: { exercise_id: exerciseId, code } },
    }),
    generationSchema,
  );

/** How the answer was made and what is left, in words a learner reads. */
export function describeGeneration(generation: Generation): string {
  const source =
    generation.provider === "offline"
      ? "Offline helper: built from the exercise itself, not by a language model"
      : `AI (${generation.model})`;
  const origin = generation.cached ? "answered from the cache" : "freshly generated";
  const quota =
    generation.limit === null ? "no limit" : `${generation.remaining_calls} of ${generation.limit} AI requests left this hour`;
  return `${source}, ${origin}; ${quota}.`;
}
