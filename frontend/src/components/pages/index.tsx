import { createElement, type ReactNode } from "react";
import { loadBlogPost } from "@/lib/blog-post";
import type { AnyPage } from "@/lib/content";
import { BlogIndexPage } from "./BlogIndexPage";
import { BlogPostPage } from "./BlogPostPage";
import { CoursePage } from "./CoursePage";
import { CoursesIndexPage } from "./CoursesIndexPage";
import { HomePage } from "./HomePage";
import { LessonPage } from "./LessonPage";

type PageComponent = (props: { page: AnyPage }) => Promise<ReactNode>;

/** Posts are served by the Pages Router (src/pages/blog/[slug].tsx); here they render in previews. */
async function BlogPostFromPage({ page }: { page: AnyPage }) {
  return <BlogPostPage {...await loadBlogPost(page)} />;
}

/** Wagtail page type (meta.type) → the component that renders it, for routes and previews. */
export const pageComponents: Record<string, PageComponent> = {
  "home.HomePage": HomePage,
  "blog.BlogIndexPage": BlogIndexPage,
  "blog.BlogPage": BlogPostFromPage,
  "courses.CoursesIndexPage": CoursesIndexPage,
  "courses.CoursePage": CoursePage,
  "courses.LessonPage": LessonPage,
};

export function componentFor(type: string): PageComponent | undefined {
  return Object.hasOwn(pageComponents, type) ? pageComponents[type] : undefined;
}

/** The page rendered by its type's component, or null for a type we do not render. */
export function renderPage(page: AnyPage): ReactNode {
  const component = componentFor(page.meta.type);
  return component ? createElement(component, { page }) : null;
}
