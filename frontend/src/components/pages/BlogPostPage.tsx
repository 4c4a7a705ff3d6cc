import Link from "next/link";
import { AuthorCard } from "@/components/AuthorCard";
import { PostCard } from "@/components/Cards";
import { JsonLd } from "@/components/JsonLd";
import { Picture } from "@/components/Picture";
import { StreamField } from "@/components/streamfield/StreamField";
import type { BlogPostProps } from "@/lib/blog-post";
import { formatDate } from "@/lib/format";
import { imageAttributes } from "@/lib/images";
import { pathOfUrl } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site";

/** Renders what loadBlogPost (src/lib/blog-post.ts) loaded; in both routers, so no await here. */
export function BlogPostPage({ post, related }: BlogPostProps) {
  const path = pathOfUrl(post.meta.html_url);
  const hero = post.hero_image ? imageAttributes(post.hero_image) : null;
  return (
    <article className="article">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Article",
          headline: post.title,
          description: post.meta.search_description || post.introduction,
          datePublished: post.date ?? post.meta.first_published_at ?? undefined,
          author: post.authors.map((author) => ({ "@type": "Person", name: author.name })),
          image: hero ? [hero.src] : undefined,
          url: path ? absoluteUrl(path) : undefined,
        }}
      />
      <header>
        <p className="meta">
          {post.categories.map((category) => (
            <Link key={category.slug} className="pill" href={`/blog/?category=${encodeURIComponent(category.slug)}`}>
              {category.name}
            </Link>
          ))}
        </p>
        <h1>{post.title}</h1>
        <p className="lead">{post.introduction}</p>
        <p className="meta">
          {post.authors.length ? `By ${post.authors.map((a) => a.name).join(", ")}` : null}
          {post.date ? (
            <>
              {" · "}
              <time dateTime={post.date}>{formatDate(post.date)}</time>
            </>
          ) : null}
          {post.reading_time_minutes ? ` · ${post.reading_time_minutes} min read` : null}
          {post.difficulty ? ` · ${post.difficulty}` : null}
        </p>
        {post.hero_image ? <Picture image={post.hero_image} priority /> : null}
      </header>
      <StreamField blocks={post.body} />
      {post.tags.length ? (
        <p aria-label="Tags">
          {post.tags.map((tag) => (
            <Link key={tag} className="pill" href={`/blog/?tag=${encodeURIComponent(tag)}`}>
              #{tag}
            </Link>
          ))}
        </p>
      ) : null}
      {post.authors.map((author) => (
        <AuthorCard key={author.id} author={author} />
      ))}
      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Related posts</h2>
          <ul className="grid">
            {related.map((item) => (
              <PostCard key={item.id} post={item} headingLevel={3} />
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
