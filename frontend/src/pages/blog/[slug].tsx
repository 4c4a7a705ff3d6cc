import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import { FALLBACK_REVALIDATE_SECONDS } from "@/api/client";
import { BlogPostPage } from "@/components/pages/BlogPostPage";
import { ScriptFreePage } from "@/components/ScriptFreePage";
import { loadBlogPost, postAt, postSlugs, type BlogPostProps } from "@/lib/blog-post";
import { pageMetadata } from "@/lib/metadata";

// Posts are served by the Pages Router so that they can ship no client JavaScript at
// all: the App Router's runtime alone is more than a post page may load. Publishing
// revalidates them through /api/revalidate (see src/pages/api/revalidate-pages.ts).
export const config: PageConfig = { unstable_runtimeJS: false };

type Params = { slug: string };

export const getStaticPaths: GetStaticPaths<Params> = async () => ({
  paths: (await postSlugs()).map((slug) => ({ params: { slug } })),
  // Posts published after the build render on first request and are then cached too.
  fallback: "blocking",
});

export const getStaticProps: GetStaticProps<BlogPostProps, Params> = async ({ params }) => {
  const page = params ? await postAt(params.slug) : null;
  if (!page) return { notFound: true, revalidate: FALLBACK_REVALIDATE_SECONDS };
  return { props: await loadBlogPost(page), revalidate: FALLBACK_REVALIDATE_SECONDS };
};

export default function PostPage(props: BlogPostProps) {
  return (
    <ScriptFreePage metadata={pageMetadata(props.post)}>
      <BlogPostPage {...props} />
    </ScriptFreePage>
  );
}
