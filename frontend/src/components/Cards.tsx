import Link from "next/link";
import type { CourseSummary } from "@/api/models";
import type { PostSummary } from "@/lib/content";
import { formatDate } from "@/lib/format";
import { pathOfUrl } from "@/lib/paths";
import { Picture } from "./Picture";

const CARD_SIZES = "(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw";

export function PostCard({ post, headingLevel = 2 }: { post: PostSummary; headingLevel?: 2 | 3 }) {
  const href = pathOfUrl(post.meta.html_url) ?? "/blog/";
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card">
      {post.hero_image ? <Picture image={post.hero_image} sizes={CARD_SIZES} alt="" /> : null}
      <div className="card-body">
        <H>
          <Link href={href}>{post.title}</Link>
        </H>
        <p className="meta">
          {post.date ? <time dateTime={post.date}>{formatDate(post.date)}</time> : null}
          {post.difficulty ? ` · ${post.difficulty}` : null}
          {post.reading_time_minutes ? ` · ${post.reading_time_minutes} min read` : null}
        </p>
        <p>{post.introduction}</p>
      </div>
    </li>
  );
}

type CourseCardProps = { course: CourseSummary; headingLevel?: 2 | 3; priority?: boolean };

/** `priority` for a card in the first screen: its image is then the largest paint, so not lazy. */
export function CourseCard({ course, headingLevel = 2, priority }: CourseCardProps) {
  const href = pathOfUrl(course.html_url) ?? "/courses/";
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card">
      {course.cover_image ? <Picture image={course.cover_image} sizes={CARD_SIZES} alt="" priority={priority} /> : null}
      <div className="card-body">
        <H>
          <Link href={href}>{course.title}</Link>
        </H>
        <p className="meta">
          {course.difficulty} · {course.lesson_count} lessons · about {course.estimated_hours} h
        </p>
        <p>{course.summary}</p>
      </div>
    </li>
  );
}
