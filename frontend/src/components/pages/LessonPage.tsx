import Link from "next/link";
import { StreamField } from "@/components/streamfield/StreamField";
import { LessonCompletion } from "./personal";
import { asLessonPage, lessonDetail, pathOf, type AnyPage } from "@/lib/content";
import { NotFoundError } from "@/lib/errors";
import { highlightCodeBlocks } from "@/lib/highlight";

/** The learning API's view of a published lesson; null for one never published (a preview). */
async function publishedLesson(id: number | null) {
  if (!id) return null;
  try {
    return await lessonDetail(id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function LessonPage({ page }: { page: AnyPage }) {
  // The body and exercise titles come from the page itself (so a preview shows the
  // draft); the course context (previous/next, completion) from the learning API.
  const lesson = asLessonPage(page);
  const [body, detail] = await Promise.all([highlightCodeBlocks(lesson.body), publishedLesson(lesson.id)]);
  const published = new Set(detail?.exercises.map((exercise) => exercise.id));
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
      {lesson.exercises.length ? (
        <section aria-labelledby="exercises">
          <h2 id="exercises">Practise</h2>
          <ul>
            {lesson.exercises.map((exercise, position) => (
              <li key={exercise.id ?? `draft-${position}`}>
                {exercise.id !== null && published.has(exercise.id) ? (
                  <Link href={`/exercises/${exercise.id}/`}>{exercise.title}</Link>
                ) : (
                  <>
                    {exercise.title} <span className="meta">(opens once the lesson is published)</span>
                  </>
                )}
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
