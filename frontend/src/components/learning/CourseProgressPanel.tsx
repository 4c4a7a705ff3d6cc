"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { CourseDetail } from "@/api/models";
import { enrol, loadCourse } from "@/lib/learning";
import { pathOfUrl } from "@/lib/paths";
import { useSession } from "@/lib/useSession";

/** Enrol state and progress are personal: loaded here, after the static page. */
export function CourseProgressPanel({ courseId, firstLesson }: { courseId: number; firstLesson: string | null }) {
  const state = useSession();
  const [course, setCourse] = useState<CourseDetail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = state.status === "done" && state.outcome.kind === "signed-in";

  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    void loadCourse(courseId).then((result) => {
      if (!live) return;
      if (result.ok) setCourse(result.data);
      else setMessage(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [signedIn, courseId, version]);

  if (state.status === "loading") return <div className="notice" aria-busy="true">Loading your progress…</div>;
  if (!signedIn) {
    return (
      <div className="notice">
        <Link href="/account/signup/">Sign up</Link> or <Link href="/account/login/">log in</Link> to enrol and track your
        progress.
      </div>
    );
  }

  const onEnrol = async () => {
    setBusy(true);
    const result = await enrol(courseId);
    setBusy(false);
    if (result.ok) setVersion((v) => v + 1);
    else setMessage(result.error.message);
  };

  const progress = course?.progress;
  const resume = pathOfUrl(progress?.resume_lesson?.html_url) ?? firstLesson;
  return (
    <section className="notice" aria-labelledby="your-progress">
      <h2 id="your-progress">Your progress</h2>
      {message ? <p role="alert">{message}</p> : null}
      {course === null ? <p aria-busy="true">Loading…</p> : null}
      {course && !course.enrolled ? (
        <button type="button" className="button" onClick={onEnrol} disabled={busy}>
          {busy ? "Enrolling…" : "Enrol in this course"}
        </button>
      ) : null}
      {course?.enrolled && progress ? (
        <>
          <p>
            <label htmlFor="course-progress">
              {progress.completed_lessons} of {progress.total_lessons} lessons complete ({progress.percentage}%)
            </label>
          </p>
          <progress id="course-progress" className="progress" max={100} value={progress.percentage} />
          {resume ? (
            <p>
              <Link className="button" href={resume}>
                {progress.completed_lessons ? "Continue" : "Start the first lesson"}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
