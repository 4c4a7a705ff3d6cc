import Link from "next/link";
import { CourseCard, PostCard } from "@/components/Cards";
import { asIndexPage, listCourses, listPosts, type AnyPage } from "@/lib/content";

export async function HomePage({ page }: { page: AnyPage }) {
  const home = asIndexPage(page);
  const [posts, courses] = await Promise.all([listPosts({ limit: 3 }), listCourses()]);
  return (
    <>
      <section className="hero">
        <h1>{home.title}</h1>
        {home.introduction ? <p className="lead">{home.introduction}</p> : null}
      </section>
      <section aria-labelledby="featured-courses">
        <h2 id="featured-courses">Featured courses</h2>
        <ul className="grid">
          {courses.slice(0, 3).map((course, index) => (
            <CourseCard key={course.id} course={course} headingLevel={3} priority={index === 0} />
          ))}
        </ul>
        <p>
          <Link href="/courses/">All courses</Link>
        </p>
      </section>
      <section aria-labelledby="latest-posts">
        <h2 id="latest-posts">Latest posts</h2>
        <ul className="grid">
          {posts.items.map((post) => (
            <PostCard key={post.id} post={post} headingLevel={3} />
          ))}
        </ul>
        <p>
          <Link href="/blog/">All posts</Link>
        </p>
      </section>
    </>
  );
}
