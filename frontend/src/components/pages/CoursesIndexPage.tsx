import { CourseCard } from "@/components/Cards";
import { asIndexPage, listCourses, type AnyPage } from "@/lib/content";

export async function CoursesIndexPage({ page }: { page: AnyPage }) {
  const index = asIndexPage(page);
  const courses = await listCourses();
  return (
    <>
      <h1>{index.title}</h1>
      {index.introduction ? <p className="lead">{index.introduction}</p> : null}
      <ul className="grid">
        {courses.map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </ul>
    </>
  );
}
