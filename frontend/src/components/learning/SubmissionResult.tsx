import type { Submission, TestDetail } from "@/api/models";

const STATUS_TEXT: Record<Submission["status"], string> = {
  queued: "Queued: waiting for a grader…",
  running: "Running your code…",
  passed: "Passed",
  failed: "Failed",
  error: "Error",
  timeout: "Timed out",
  memory: "Out of memory",
};

export const statusText = (status: Submission["status"]) => STATUS_TEXT[status];

/** A submission's state; hidden tests show only whether they passed. */
export function SubmissionResult({ submission }: { submission: Submission }) {
  const hiddenNumber = (index: number) => submission.results.slice(0, index + 1).filter((r) => r.hidden).length;
  return (
    <section aria-labelledby="result-heading" className="notice" aria-live="polite">
      <h2 id="result-heading">
        Result: <span className={`status-${submission.status}`}>{statusText(submission.status)}</span>
        {submission.score !== null ? <span className="meta"> · score {submission.score}%</span> : null}
      </h2>
      {submission.message ? <p>{submission.message}</p> : null}
      {submission.results.length ? (
        <ul className="results">
          {submission.results.map((result, index) => {
            if (result.hidden) {
              return (
                <li key={`hidden-${index}`}>
                  <span className={`status-${result.status}`}>{result.status === "passed" ? "✓" : "✗"}</span> Hidden test{" "}
                  {hiddenNumber(index)}: {result.status}
                </li>
              );
            }
            return (
              <li key={`${result.name}-${index}`}>
                <span className={`status-${result.status}`}>{result.status === "passed" ? "✓" : "✗"}</span> {result.name}:{" "}
                {result.status}
                {result.detail?.call !== undefined ? (
                  <Comparison detail={result.detail} />
                ) : result.message ? (
                  <pre className="meta">{result.message}</pre>
                ) : null}
                {result.output ? (
                  <>
                    <p className="meta">Your output:</p>
                    <pre className="meta">{result.output}</pre>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** A failed comparison: the call, what the test expected and what the code gave. */
function Comparison({ detail }: { detail: TestDetail }) {
  return (
    <dl className="comparison">
      <dt>Call</dt>
      <dd>
        <code>{detail.call}</code>
      </dd>
      <dt>Expected</dt>
      <dd>
        <code>{detail.operator && detail.operator !== "==" ? `${detail.operator} ${detail.expected}` : detail.expected}</code>
      </dd>
      <dt>Got</dt>
      <dd>
        <code>{detail.actual}</code>
      </dd>
    </dl>
  );
}
