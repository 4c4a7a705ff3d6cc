"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Exercise, Submission } from "@/api/models";
import { followSubmission } from "@/lib/follow";
import { enrol, loadSubmission, submit } from "@/lib/learning";
import { useSession } from "@/lib/useSession";
import { AIAssist } from "./AIAssist";
import { SubmissionResult } from "./SubmissionResult";

const CodeEditor = dynamic(() => import("./CodeEditor"), {
  ssr: false,
  loading: () => <p className="editor meta">Loading the editor…</p>,
});

const POLL_MS = 1000;
export const draftKey = (exerciseId: number) => `codecampus:draft:${exerciseId}`;

function readDraft(exerciseId: number): string | null {
  try {
    return window.localStorage.getItem(draftKey(exerciseId));
  } catch {
    return null;
  }
}

function writeDraft(exerciseId: number, code: string) {
  try {
    window.localStorage.setItem(draftKey(exerciseId), code);
  } catch {
    // Storage may be full or disabled; the draft is a convenience only.
  }
}

type Props = { exercise: Pick<Exercise, "id" | "starter_code" | "title">; courseId: number | null };

export function ExerciseWorkbench({ exercise, courseId }: Props) {
  const state = useSession();
  const signedIn = state.status === "done" && state.outcome.kind === "signed-in";
  const [code, setCode] = useState(exercise.starter_code);
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notEnrolled, setNotEnrolled] = useState(false);
  const [busy, setBusy] = useState(false);
  const live = useRef(true);

  useEffect(() => {
    const draft = readDraft(exercise.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- local storage exists only after mount
    if (draft !== null) setCode(draft);
  }, [exercise.id]);

  // Stop polling when the learner leaves the page.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const onChange = useCallback(
    (value: string) => {
      setCode(value);
      writeDraft(exercise.id, value);
    },
    [exercise.id],
  );

  const onSubmit = async () => {
    setBusy(true);
    setError(null);
    setNotEnrolled(false);
    const result = await submit(exercise.id, code);
    if (!result.ok) {
      setBusy(false);
      if (result.status === 409) setNotEnrolled(true);
      else setError(result.error.message);
      return;
    }
    const end = await followSubmission(result.data, {
      load: loadSubmission,
      onUpdate: setSubmission,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      cancelled: () => !live.current,
      intervalMs: POLL_MS,
    });
    if (end.kind === "cancelled") return;
    setBusy(false);
    if (end.kind === "error") setError(end.message);
  };

  const onEnrol = async () => {
    if (courseId === null) return;
    const result = await enrol(courseId);
    if (result.ok) await onSubmit();
    else setError(result.error.message);
  };

  const onReset = () => onChange(exercise.starter_code);

  return (
    <section className="workbench" aria-labelledby="editor-heading">
      <h2 id="editor-heading">Your solution</h2>
      <CodeEditor value={code} onChange={onChange} label={`Code for ${exercise.title}`} />
      <p className="meta">Your draft is saved in this browser as you type.</p>
      <div>
        {signedIn ? (
          <button type="button" className="button" onClick={onSubmit} disabled={busy}>
            {busy ? "Grading…" : "Submit"}
          </button>
        ) : state.status === "done" ? (
          <p>
            <Link href="/account/login/">Log in</Link> or <Link href="/account/signup/">sign up</Link> to submit your solution.
          </p>
        ) : null}{" "}
        <button type="button" className="button button-secondary" onClick={onReset} disabled={busy}>
          Reset to starter code
        </button>
      </div>
      {notEnrolled ? (
        <p className="notice" role="alert">
          Enrol in the course to submit solutions.{" "}
          {courseId !== null ? (
            <button type="button" className="button button-small" onClick={onEnrol}>
              Enrol and submit
            </button>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {submission ? <SubmissionResult submission={submission} /> : null}
      {signedIn && !busy ? <AIAssist exerciseId={exercise.id} code={code} submission={submission} /> : null}
    </section>
  );
}
