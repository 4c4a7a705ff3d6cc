import Link from "next/link";
import { StreamField } from "@/components/streamfield/StreamField";
import { LessonCompletion } from "./personal";
import { asLessonPage, lessonDetail, pathOf, type AnyPage } from "@/lib/content";
import { highlightCodeBlocks } from "@/lib/highlight";

export async function LessonPage({ page }: { page: AnyPage }) {
  // The body comes from the page itself (so a preview shows the draft); the
  // course context (previous/next, exercises) from the learning API.
  const lesson = asLessonPage(page);
  const [body, detail] = await Promise.all([
    highlightCodeBlocks(lesson.body),
    lesson.id ? lessonDetail(lesson.id) : null,
  ]);
  return (
    <article className="article">
      {detail ? (
        <nav aria-label="Breadcrumb" className="meta">
          <Link href={pathOf(detail.course.html_url) ?? "/courses/"}>{detail.course.title}</Link>
        </nav>
      ) : null}
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      {lesson.estimated_minutes ? <p className="meta">About {lesson.estimated_minutes} minutes</p> : null}
      <StreamField blocks={body} />
      {detail?.exercises.length ? (
        <section aria-labelledby="exercises">
          <h2 id="exercises">Practise</h2>
          <ul>
            {detail.exercises.map((exercise) => (
              <li key={exercise.id}>
                <Link href={`/exercises/${exercise.id}/`}>{exercise.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {detail ? (
        <LessonCompletion lessonId={detail.id} courseId={detail.course.id} exerciseCount={detail.exercises.length} />
      ) : null}
      {detail ? (
        <nav aria-label="Lessons" className="lesson-nav">
          {detail.previous ? (
            <Link href={pathOf(detail.previous.html_url) ?? "#"} rel="prev">
              ← {detail.previous.title}
            </Link>
          ) : (
            <span />
          )}
          {detail.next ? (
            <Link href={pathOf(detail.next.html_url) ?? "#"} rel="next">
              {detail.next.title} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}
