"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { completeLesson, enrol, loadLessonState } from "@/lib/learning";
import { useSession } from "@/lib/useSession";

/**
 * A lesson's completion for a signed-in learner. A lesson with exercises is completed
 * by passing them (the backend refuses to mark it otherwise); one without is marked read.
 */
export function LessonCompletion({ lessonId, courseId, exerciseCount }: { lessonId: number; courseId: number; exerciseCount: number }) {
  const state = useSession();
  const signedIn = state.status === "done" && state.outcome.kind === "signed-in";
  const [completed, setCompleted] = useState<boolean | null>(null);
  const [notEnrolled, setNotEnrolled] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!signedIn) return;
    void loadLessonState(lessonId).then((result) => {
      if (result.ok) setCompleted(Boolean(result.data.completed));
    });
  }, [signedIn, lessonId]);

  if (!signedIn) return null;

  const onComplete = async () => {
    setBusy(true);
    setMessage(null);
    const result = await completeLesson(lessonId);
    setBusy(false);
    if (result.ok) {
      setCompleted(true);
      setNotEnrolled(false);
    } else if (result.error.code === "not_enrolled") {
      setNotEnrolled(true);
    } else {
      setMessage(result.error.message);
    }
  };

  const onEnrol = async () => {
    setBusy(true);
    const result = await enrol(courseId);
    setBusy(false);
    if (result.ok) await onComplete();
    else setMessage(result.error.message);
  };

  return (
    <section className="notice" aria-live="polite">
      {completed ? (
        <p className="done">✓ You completed this lesson.</p>
      ) : exerciseCount ? (
        <p>
          Pass {exerciseCount === 1 ? "the exercise" : `all ${exerciseCount} exercises`} above to complete this lesson.
        </p>
      ) : (
        <button type="button" className="button" onClick={onComplete} disabled={busy || completed === null}>
          Mark complete
        </button>
      )}
      {notEnrolled ? (
        <p>
          Enrol in the course to track your progress.{" "}
          <button type="button" className="button button-small" onClick={onEnrol} disabled={busy}>
            Enrol and mark complete
          </button>
        </p>
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
      {completed ? (
        <p>
          <Link href="/dashboard/">See your progress</Link>
        </p>
      ) : null}
    </section>
  );
}
