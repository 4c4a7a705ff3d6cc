import type { Metadata } from "next";
import { BlogIndexPage, type BlogQuery } from "@/components/pages/BlogIndexPage";
import { pageAtPath } from "@/lib/content";
import { orNotFound } from "@/lib/load";
import { pageMetadata } from "@/lib/metadata";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(await orNotFound(pageAtPath("/blog/")));
}

export default async function Blog({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query: BlogQuery = {
    q: first(raw.q),
    tag: first(raw.tag),
    category: first(raw.category),
    author: first(raw.author),
    difficulty: first(raw.difficulty),
    page: first(raw.page),
  };
  const page = await orNotFound(pageAtPath("/blog/"));
  return <BlogIndexPage page={page} query={query} />;
}
