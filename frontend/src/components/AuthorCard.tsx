import type { Author } from "@/api/models";
import { Picture } from "./Picture";

export function AuthorCard({ author }: { author: Author }) {
  return (
    <section className="author-card" aria-label={`About ${author.name}`}>
      {author.photo ? <Picture image={author.photo} alt="" sizes="4rem" /> : null}
      <div>
        <p>
          <strong>{author.name}</strong> ·{" "}
          <a href={`/blog/?author=${encodeURIComponent(author.slug)}`}>More posts by {author.name}</a>
        </p>
        <p className="meta">{author.bio}</p>
      </div>
    </section>
  );
}
