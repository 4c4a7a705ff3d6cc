import type { Submission } from "@/api/models";
import { isFinal, type Result } from "./learning";

export type FollowDeps = {
  load: (id: number) => Promise<Result<Submission>>;
  onUpdate: (submission: Submission) => void;
  wait: (ms: number) => Promise<void>;
  cancelled: () => boolean;
  intervalMs?: number;
  maxPolls?: number;
};

export type FollowEnd = { kind: "final"; submission: Submission } | { kind: "error"; message: string } | { kind: "cancelled" };

/** Polls a submission from queued through running to a final state, reporting each change. */
export async function followSubmission(first: Submission, deps: FollowDeps): Promise<FollowEnd> {
  const { load, onUpdate, wait, cancelled, intervalMs = 1000, maxPolls = 300 } = deps;
  let current = first;
  onUpdate(current);
  for (let poll = 0; !isFinal(current.status); poll++) {
    if (poll >= maxPolls) return { kind: "error", message: "Grading is taking longer than usual. Check your dashboard later." };
    await wait(intervalMs);
    if (cancelled()) return { kind: "cancelled" };
    const result = await load(current.id);
    if (cancelled()) return { kind: "cancelled" };
    if (!result.ok) return { kind: "error", message: result.error.message };
    current = result.data;
    onUpdate(current);
  }
  return { kind: "final", submission: current };
}
