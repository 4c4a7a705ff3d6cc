"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { Dashboard } from "@/api/models";
import { statusText } from "@/components/learning/SubmissionResult";
import { formatDate } from "@/lib/format";
import { loadDashboard } from "@/lib/learning";
import { pathOfUrl } from "@/lib/paths";
import { useSession } from "@/lib/useSession";

export function DashboardView() {
  const state = useSession();
  const signedIn = state.status === "done" && state.outcome.kind === "signed-in";
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    void loadDashboard().then((result) => (result.ok ? setDashboard(result.data) : setError(result.error.message)));
  }, [signedIn]);

  if (state.status === "loading") return <p aria-busy="true">Loading…</p>;
  if (!signedIn) {
    return (
      <p>
        <Link href="/account/login/?next=/dashboard/">Log in</Link> to see your courses and progress.
      </p>
    );
  }
  if (error) return <p role="alert">{error}</p>;
  if (!dashboard) return <p aria-busy="true">Loading your progress…</p>;
  return (
    <>
      <p>
        Streak: <strong>{dashboard.streak.current_days}</strong> day{dashboard.streak.current_days === 1 ? "" : "s"} (longest{" "}
        {dashboard.streak.longest_days})
      </p>
      <section aria-labelledby="my-courses">
        <h2 id="my-courses">My courses</h2>
        {dashboard.courses.length === 0 ? (
          <p>
            You are not enrolled in a course yet. <Link href="/courses/">Browse the courses</Link>.
          </p>
        ) : (
          <ul className="grid">
            {dashboard.courses.map(({ course, progress }) => {
              const resume = pathOfUrl(progress.resume_lesson?.html_url);
              return (
                <li key={course.id} className="card">
                  <div className="card-body">
                    <h3>
                      <Link href={pathOfUrl(course.html_url) ?? "/courses/"}>{course.title}</Link>
                    </h3>
                    <label htmlFor={`progress-${course.id}`}>
                      {progress.completed_lessons} of {progress.total_lessons} lessons ({progress.percentage}%)
                    </label>
                    <progress id={`progress-${course.id}`} className="progress" max={100} value={progress.percentage} />
                    {resume ? (
                      <p>
                        <Link href={resume}>Resume: {progress.resume_lesson?.title}</Link>
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent-submissions">
        <h2 id="recent-submissions">Recent submissions</h2>
        {dashboard.recent_submissions.length === 0 ? (
          <p>No submissions yet.</p>
        ) : (
          <ul className="results">
            {dashboard.recent_submissions.map((submission) => (
              <li key={submission.id}>
                {submission.exercise ? (
                  <Link href={`/exercises/${submission.exercise}/`}>{submission.exercise_title}</Link>
                ) : (
                  submission.exercise_title
                )}{" "}
                · <span className={`status-${submission.status}`}>{statusText(submission.status)}</span>
                {submission.score !== null ? ` · ${submission.score}%` : ""} ·{" "}
                <span className="meta">{formatDate(submission.created_at)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
