// Everything a post page shows, loaded on the server: by the Pages Router's
// getStaticProps for /blog/<slug>/ and by the App Router for previews.
// No "server-only" marker: Next refuses it in the Pages Router, whose getStaticProps
// (src/pages/blog/[slug].tsx) reads through here; Next keeps getStaticProps and what
// only it imports out of the browser's bundle.
import type { BlogPost, RenderableBlock } from "@/api/models";
import { allPages, asBlogPost, listPosts, pageAtPath, type AnyPage, type PostSummary } from "./content";
import { NotFoundError } from "./errors";
import { highlightCodeBlocks } from "./highlight";
import { pathOfUrl, postSlugOf } from "./paths";

export type HighlightedPost = Omit<BlogPost, "body"> & { body: RenderableBlock[] };
export type BlogPostProps = { post: HighlightedPost; related: PostSummary[] };

async function relatedPosts(postId: number | null, category: string | undefined): Promise<PostSummary[]> {
  if (!category) return [];
  const { items } = await listPosts({ category, limit: 4 });
  return items.filter((item) => item.id !== postId).slice(0, 3);
}

/** The post with its code highlighted, and up to three posts of its first category. */
export async function loadBlogPost(page: AnyPage): Promise<BlogPostProps> {
  const post = asBlogPost(page);
  const [body, related] = await Promise.all([
    highlightCodeBlocks(post.body),
    relatedPosts(post.id, post.categories[0]?.slug),
  ]);
  return { post: { ...post, body }, related };
}

/** The slug of every published post at /blog/<slug>/. */
export async function postSlugs(): Promise<string[]> {
  const posts = await allPages("blog.BlogPage");
  return posts.map((post) => postSlugOf(pathOfUrl(post.meta.html_url))).filter((slug): slug is string => Boolean(slug));
}

/** The published post at /blog/<slug>/, or null when there is none there. */
export async function postAt(slug: string): Promise<AnyPage | null> {
  let page: AnyPage;
  try {
    page = await pageAtPath(`/blog/${encodeURIComponent(slug)}/`);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  // Wagtail allows only posts under the blog index; anything else is not ours to show.
  return page.meta.type === "blog.BlogPage" ? page : null;
}
