"use client";
import { useState } from "react";
import type { Submission } from "@/api/models";
import { describeGeneration, requestExplanation, requestHint, type Generation } from "@/lib/ai";
import type { Result } from "@/lib/learning";

type Props = { exerciseId: number; code: string; submission: Submission | null };

const FAILED = new Set(["failed", "error", "timeout", "memory"]);

/** "Get a hint" after a failing submission and "Explain my code"; answers are plain text. */
export function AIAssist({ exerciseId, code, submission }: Props) {
  const [answer, setAnswer] = useState<{ title: string; generation: Generation } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"hint" | "explain" | null>(null);
  const canHint = submission !== null && FAILED.has(submission.status);

  const run = async (kind: "hint" | "explain", title: string, call: () => Promise<Result<Generation>>) => {
    setBusy(kind);
    setError(null);
    const result = await call();
    setBusy(null);
    if (result.ok) setAnswer({ title, generation: result.data });
    else setError(result.error.message);
  };

  return (
    <section className="ai-assist" aria-labelledby="ai-assist-heading">
      <h3 id="ai-assist-heading">Need help?</h3>
      <div>
        {canHint ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy !== null}
            onClick={() => run("hint", "Hint", () => requestHint(submission.id))}
          >
            {busy === "hint" ? "Thinking…" : "Get a hint"}
          </button>
        ) : null}{" "}
        <button
          type="button"
          className="button button-secondary"
          disabled={busy !== null || code.trim() === ""}
          onClick={() => run("explain", "What your code does", () => requestExplanation(exerciseId, code))}
        >
          {busy === "explain" ? "Thinking…" : "Explain my code"}
        </button>
      </div>
      <div aria-live="polite">
        {answer ? (
          <div className="ai-answer">
            <h4>{answer.title}</h4>
            <p className="ai-answer-text">{answer.generation.content}</p>
            <p className="meta">{describeGeneration(answer.generation)}</p>
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
