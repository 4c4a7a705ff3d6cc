import type { Metadata } from "next";
import { HomePage } from "@/components/pages/HomePage";
import { pageAtPath } from "@/lib/content";
import { orNotFound } from "@/lib/load";
import { pageMetadata } from "@/lib/metadata";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(await orNotFound(pageAtPath("/")), { isHome: true });
}

export default async function Home() {
  const page = await orNotFound(pageAtPath("/"));
  return <HomePage page={page} />;
}
