import { listPosts, pathOf } from "@/lib/content";
import { rssFeed } from "@/lib/rss";
import { SITE_NAME, absoluteUrl } from "@/lib/site";

export const revalidate = 3600;

export async function GET() {
  const { items } = await listPosts({ limit: 20 });
  const xml = rssFeed(
    { title: `${SITE_NAME} blog`, url: absoluteUrl("/blog/"), description: "New posts from CodeCampus", self: absoluteUrl("/blog/feed.xml") },
    items.map((post) => ({
      title: post.title,
      url: absoluteUrl(pathOf(post.meta.html_url) ?? "/blog/"),
      description: post.meta.search_description || post.introduction,
      date: post.date ?? post.meta.first_published_at,
      categories: post.categories.map((c) => c.name),
    })),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
