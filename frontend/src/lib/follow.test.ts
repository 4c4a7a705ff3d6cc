import { describe, expect, it, vi } from "vitest";
import type { Submission } from "@/api/models";
import { followSubmission } from "./follow";
import type { Result } from "./learning";

const submission = (status: Submission["status"]): Submission => ({
  id: 7,
  exercise: 1,
  exercise_title: "Seconds",
  lesson_title: "Values",
  course_title: "Python",
  status,
  score: status === "passed" ? 100 : null,
  message: "",
  results: [],
  created_at: "2026-11-23T10:00:00Z",
  finished_at: null,
});

const ok = (s: Submission): Result<Submission> => ({ ok: true, data: s });

describe("followSubmission", () => {
  it("reports queued, running and the final state, then stops", async () => {
    const load = vi.fn().mockResolvedValueOnce(ok(submission("running"))).mockResolvedValueOnce(ok(submission("passed")));
    const seen: string[] = [];
    const end = await followSubmission(submission("queued"), {
      load,
      onUpdate: (s) => seen.push(s.status),
      wait: async () => undefined,
      cancelled: () => false,
    });
    expect(seen).toEqual(["queued", "running", "passed"]);
    expect(end).toMatchObject({ kind: "final", submission: { status: "passed" } });
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenCalledWith(7);
  });

  it("does not poll a submission that is already final", async () => {
    const load = vi.fn();
    const end = await followSubmission(submission("failed"), { load, onUpdate: () => undefined, wait: async () => undefined, cancelled: () => false });
    expect(end.kind).toBe("final");
    expect(load).not.toHaveBeenCalled();
  });

  it("stops with the server's message when a poll fails", async () => {
    const load = vi.fn().mockResolvedValue({ ok: false, status: 404, error: { status: 404, code: "not_found", message: "Not found." } });
    const end = await followSubmission(submission("queued"), { load, onUpdate: () => undefined, wait: async () => undefined, cancelled: () => false });
    expect(end).toEqual({ kind: "error", message: "Not found." });
  });

  it("stops quietly when the learner leaves, and gives up after too many polls", async () => {
    const load = vi.fn().mockResolvedValue(ok(submission("running")));
    let left = false;
    const cancelled = await followSubmission(submission("queued"), {
      load,
      onUpdate: () => {
        left = true;
      },
      wait: async () => undefined,
      cancelled: () => left,
    });
    expect(cancelled).toEqual({ kind: "cancelled" });
    const slow = await followSubmission(submission("queued"), {
      load,
      onUpdate: () => undefined,
      wait: async () => undefined,
      cancelled: () => false,
      maxPolls: 3,
    });
    expect(slow.kind).toBe("error");
  });
});
