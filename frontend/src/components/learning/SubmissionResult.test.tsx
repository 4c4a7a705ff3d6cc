import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Submission } from "@/api/models";
import { SubmissionResult } from "./SubmissionResult";

const base: Submission = {
  id: 1,
  exercise: 1,
  exercise_title: "Seconds",
  lesson_title: "Values",
  course_title: "Python",
  status: "failed",
  score: 50,
  message: "",
  created_at: "2026-11-23T10:00:00Z",
  finished_at: "2026-11-23T10:00:01Z",
  results: [
    { name: "one day", status: "passed", hidden: false, weight: 1, message: "", output: "" },
    { name: "secret edge case", status: "failed", hidden: true, weight: 1, message: "assert 0 == 86400", output: "leak" },
  ],
};

describe("SubmissionResult", () => {
  it("shows hidden tests as pass or fail only", () => {
    const html = renderToStaticMarkup(<SubmissionResult submission={base} />);
    expect(html).toContain("one day");
    expect(html).toContain("Hidden test 1: failed");
    expect(html).not.toContain("secret edge case");
    expect(html).not.toContain("assert 0 == 86400");
    expect(html).not.toContain("leak");
  });

  it("shows a failed comparison as the call, the expected and the actual value, apart from the output", () => {
    const failed: Submission = {
      ...base,
      results: [
        {
          name: "one day",
          status: "failed",
          hidden: false,
          weight: 1,
          message: "seconds_in_days(1): expected 86400, got 2",
          output: "debug 1\n",
          detail: { call: "seconds_in_days(1)", operator: "==", expected: "86400", actual: "2" },
        },
      ],
    };
    const html = renderToStaticMarkup(<SubmissionResult submission={failed} />);
    expect(html).toContain("<dt>Call</dt><dd><code>seconds_in_days(1)</code></dd>");
    expect(html).toContain("<dt>Expected</dt><dd><code>86400</code></dd>");
    expect(html).toContain("<dt>Got</dt><dd><code>2</code></dd>");
    expect(html).toContain("Your output:");
  });

  it("shows the queued and running states before results exist", () => {
    expect(renderToStaticMarkup(<SubmissionResult submission={{ ...base, status: "queued", score: null, results: [] }} />)).toContain(
      "Queued",
    );
    expect(renderToStaticMarkup(<SubmissionResult submission={{ ...base, status: "running", score: null, results: [] }} />)).toContain(
      "Running your code",
    );
  });
});
