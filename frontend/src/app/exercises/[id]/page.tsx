import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseWorkbench } from "@/components/learning/ExerciseWorkbench";
import { exerciseDetail, lessonDetail, pathOf } from "@/lib/content";
import { orNotFound } from "@/lib/load";

type Params = Promise<{ id: string }>;

// Rendered on first request, then served from the cache like the content pages.
export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

const exerciseId = (raw: string) => {
  const id = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(id) || id < 1 || String(id) !== raw) notFound();
  return id;
};

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const exercise = await orNotFound(exerciseDetail(exerciseId((await params).id)));
  return { title: exercise.title, alternates: { canonical: `/exercises/${exercise.id}/` } };
}

export default async function ExercisePage({ params }: { params: Params }) {
  const exercise = await orNotFound(exerciseDetail(exerciseId((await params).id)));
  const lesson = await orNotFound(lessonDetail(exercise.lesson.id));
  return (
    <article className="article">
      <nav aria-label="Breadcrumb" className="meta">
        <Link href={pathOf(lesson.course.html_url) ?? "/courses/"}>{lesson.course.title}</Link> ›{" "}
        <Link href={pathOf(exercise.lesson.html_url) ?? "/courses/"}>{exercise.lesson.title}</Link>
      </nav>
      <h1>{exercise.title}</h1>
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: exercise.instructions }} />
      <p className="meta">
        Limits: {exercise.time_limit_seconds} s, {exercise.memory_limit_mb} MB. {exercise.tests.length} visible test
        {exercise.tests.length === 1 ? "" : "s"}
        {exercise.hidden_test_count ? ` and ${exercise.hidden_test_count} hidden` : ""}.
      </p>
      {exercise.tests.length ? (
        <details>
          <summary>Visible tests</summary>
          <ul>
            {exercise.tests.map((test) => (
              <li key={test.name}>
                {test.name}
                <pre>
                  <code>{test.code}</code>
                </pre>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ExerciseWorkbench
        exercise={{ id: exercise.id, title: exercise.title, starter_code: exercise.starter_code }}
        courseId={lesson.course.id}
      />
    </article>
  );
}
