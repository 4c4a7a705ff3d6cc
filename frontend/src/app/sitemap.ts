import type { MetadataRoute } from "next";
import { allPages, pathOf } from "@/lib/content";
import { absoluteUrl } from "@/lib/site";

const TYPES = ["home.HomePage", "blog.BlogIndexPage", "blog.BlogPage", "courses.CoursesIndexPage", "courses.CoursePage", "courses.LessonPage"];

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const pages = (await Promise.all(TYPES.map((type) => allPages(type)))).flat();
  return pages.flatMap((page) => {
    const path = pathOf(page.meta.html_url);
    return path ? [{ url: absoluteUrl(path), lastModified: page.meta.first_published_at ?? undefined }] : [];
  });
}
