import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlogPostPage } from "@/components/pages/BlogPostPage";
import { allPages, pageAtPath, pathOf } from "@/lib/content";
import { orNotFound } from "@/lib/load";
import { pageMetadata } from "@/lib/metadata";
import { postSlugOf } from "@/lib/paths";

// Posts have this route to themselves rather than sharing [...path] with courses and
// lessons: a route ships every client component it can render, and a post needs none
// of the learning ones (enrolment, progress, completion) nor their validators.

type Params = { slug: string };

// Posts published after the build render on first request and are then cached too.
export const dynamicParams = true;

export async function generateStaticParams(): Promise<Params[]> {
  const posts = await allPages("blog.BlogPage");
  return posts
    .map((post) => postSlugOf(pathOf(post.meta.html_url)))
    .filter((slug): slug is string => Boolean(slug))
    .map((slug) => ({ slug }));
}

const toPath = (slug: string) => `/blog/${encodeURIComponent(decodeURIComponent(slug))}/`;

async function postAt(slug: string) {
  const page = await orNotFound(pageAtPath(toPath(slug)));
  // Wagtail allows only posts under the blog index; anything else is not ours to show.
  if (page.meta.type !== "blog.BlogPage") notFound();
  return page;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  return pageMetadata(await postAt(slug));
}

export default async function PostPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  return <BlogPostPage page={await postAt(slug)} />;
}
