import Link from "next/link";
import { PostCard } from "@/components/Cards";
import { asIndexPage, listPosts, type AnyPage, type PostFilters } from "@/lib/content";

export const POSTS_PER_PAGE = 9;

export type BlogQuery = { tag?: string; category?: string; author?: string; difficulty?: string; q?: string; page?: string };

export function queryString(query: BlogQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["q", "tag", "category", "author", "difficulty"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** "1 post", "12 posts", or "1000+ posts" when a broad search counted only its newest matches. */
export function postCount({ total_count, total_count_is_capped }: { total_count: number; total_count_is_capped: boolean }): string {
  return `${total_count}${total_count_is_capped ? "+" : ""} post${total_count === 1 && !total_count_is_capped ? "" : "s"}`;
}

export async function BlogIndexPage({ page, query = {} }: { page: AnyPage; query?: BlogQuery }) {
  const index = asIndexPage(page);
  const current = Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1);
  const filters: PostFilters = {
    tag: query.tag,
    category: query.category,
    author: query.author,
    difficulty: query.difficulty,
    search: query.q,
    limit: POSTS_PER_PAGE,
    offset: (current - 1) * POSTS_PER_PAGE,
  };
  const posts = await listPosts(filters);
  const pages = Math.max(1, Math.ceil(posts.meta.total_count / POSTS_PER_PAGE));
  const active = [query.tag && `tag “${query.tag}”`, query.category && `category “${query.category}”`, query.author && `author “${query.author}”`]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      <h1>{index.title}</h1>
      {index.introduction ? <p className="lead">{index.introduction}</p> : null}
      <form className="filters" method="get" action="/blog/" role="search">
        <label>
          Search
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} />
        </label>
        <label>
          Difficulty
          <select name="difficulty" defaultValue={query.difficulty ?? ""}>
            <option value="">Any</option>
            <option value="beginner">Beginner</option>
            <option value="intermediate">Intermediate</option>
            <option value="advanced">Advanced</option>
          </select>
        </label>
        {query.tag ? <input type="hidden" name="tag" value={query.tag} /> : null}
        {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
        {query.author ? <input type="hidden" name="author" value={query.author} /> : null}
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {active ? (
        <p>
          Showing posts with {active}. <Link href="/blog/">Show all posts</Link>
        </p>
      ) : null}
      {posts.invalid ? <p className="notice notice-error">That search could not be run. Try a shorter query.</p> : null}
      <p className="meta" aria-live="polite">
        {postCount(posts.meta)}
      </p>
      <ul className="grid">
        {posts.items.map((post) => (
          <PostCard key={post.id} post={post} />
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pagination" className="pagination">
          {current > 1 ? <Link href={`/blog/${queryString(query, current - 1)}`}>← Newer posts</Link> : <span />}
          <span className="meta">
            Page {current} of {pages}
          </span>
          {current < pages ? <Link href={`/blog/${queryString(query, current + 1)}`}>Older posts →</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}
