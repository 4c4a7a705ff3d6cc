import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { componentFor, renderPage } from "@/components/pages";
import { allPages, pageAtPath, pathOf } from "@/lib/content";
import { orNotFound } from "@/lib/load";
import { pageMetadata } from "@/lib/metadata";
import { postSlugOf } from "@/lib/paths";

type Params = { path: string[] };

// Pages published after the build render on first request and are then cached too.
export const dynamicParams = true;

const PRERENDERED_TYPES = ["blog.BlogPage", "courses.CoursesIndexPage", "courses.CoursePage", "courses.LessonPage"];

export async function generateStaticParams(): Promise<Params[]> {
  const pages = (await Promise.all(PRERENDERED_TYPES.map((type) => allPages(type)))).flat();
  return pages
    .map((page) => pathOf(page.meta.html_url))
    // /blog/<slug>/ belongs to the Pages Router (src/pages/blog/[slug].tsx), which prerenders it.
    .filter((path): path is string => Boolean(path && path !== "/" && !postSlugOf(path)))
    .map((path) => ({ path: path.split("/").filter(Boolean) }));
}

const toPath = (segments: string[]) => `/${segments.map((s) => encodeURIComponent(decodeURIComponent(s))).join("/")}/`;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { path } = await params;
  return pageMetadata(await orNotFound(pageAtPath(toPath(path))));
}

export default async function ContentPage({ params }: { params: Promise<Params> }) {
  const { path } = await params;
  const page = await orNotFound(pageAtPath(toPath(path)));
  if (!componentFor(page.meta.type)) notFound();
  return renderPage(page);
}
