import Link from "next/link";
import { z } from "zod";
import type { CourseDetail } from "@/api/models";
import { AuthorCard } from "@/components/AuthorCard";
import { JsonLd } from "@/components/JsonLd";
import { Picture } from "@/components/Picture";
import { CourseProgressPanel } from "./personal";
import { asCoursePage, courseDetail, pathOf, type AnyPage } from "@/lib/content";
import { absoluteUrl } from "@/lib/site";

const objectivesSchema = z.array(z.object({ value: z.string(), id: z.string() })).catch([]);

export async function CoursePage({ page }: { page: AnyPage }) {
  const course = asCoursePage(page);
  const objectives = objectivesSchema.parse((page as Record<string, unknown>).objectives ?? []);
  // A draft that was never saved has no id and so no outline yet.
  const detail: CourseDetail | null = course.id ? await courseDetail(course.id) : null;
  const path = pathOf(course.meta.html_url);
  return (
    <article className="article">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Course",
          name: course.title,
          description: course.meta.search_description || course.summary,
          url: path ? absoluteUrl(path) : undefined,
          provider: { "@type": "Organization", name: "CodeCampus" },
          educationalLevel: course.difficulty,
        }}
      />
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <p className="meta">
        {course.difficulty}
        {course.estimated_hours ? ` · about ${course.estimated_hours} hours` : null}
        {detail ? ` · ${detail.lesson_count} lessons` : null}
      </p>
      {course.cover_image ? <Picture image={course.cover_image} priority /> : null}
      {detail ? <CourseProgressPanel courseId={detail.id} firstLesson={pathOf(detail.lessons[0]?.html_url)} /> : null}
      {objectives.length ? (
        <section aria-labelledby="objectives">
          <h2 id="objectives">What you will learn</h2>
          <ul>
            {objectives.map((objective) => (
              <li key={objective.id}>{objective.value}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {detail?.prerequisites.length ? (
        <section aria-labelledby="prerequisites">
          <h2 id="prerequisites">Before you start</h2>
          <ul>
            {detail.prerequisites.map((course) => (
              <li key={course.id}>
                <Link href={pathOf(course.html_url) ?? "/courses/"}>{course.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {detail ? (
        <section aria-labelledby="outline">
          <h2 id="outline">Outline</h2>
          <ol className="outline">
            {detail.lessons.map((lesson) => (
              <li key={lesson.id}>
                <Link href={pathOf(lesson.html_url) ?? "#"}>{lesson.title}</Link>
                <span className="meta">
                  {" "}
                  · {lesson.estimated_minutes} min
                  {lesson.exercise_count ? ` · ${lesson.exercise_count} exercise${lesson.exercise_count > 1 ? "s" : ""}` : ""}
                </span>
                <br />
                <span className="meta">{lesson.summary}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {course.authors.map((author) => (
        <AuthorCard key={author.id} author={author} />
      ))}
    </article>
  );
}
