import type { BlockOf } from "@/api/models";

/** A YouTube video id from its watch, short or embed URL, else null. */
export function youtubeId(url: string): string | null {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, "");
    if (host === "youtu.be") return parsed.pathname.slice(1) || null;
    if (host === "youtube.com" || host === "youtube-nocookie.com") {
      if (parsed.pathname === "/watch") return parsed.searchParams.get("v");
      const match = /^\/(?:embed|shorts)\/([\w-]+)/.exec(parsed.pathname);
      return match?.[1] ?? null;
    }
  } catch {
    return null;
  }
  return null;
}

/** Videos play in a privacy-enhanced player; anything else is a plain link (works without JS). */
export function Embed({ block }: { block: BlockOf<"embed"> }) {
  const { url, caption } = block.value;
  if (!url) return null;
  const video = youtubeId(url);
  return (
    <figure className="embed-block">
      {video ? (
        <div className="embed-frame">
          <iframe
            src={`https://www.youtube-nocookie.com/embed/${encodeURIComponent(video)}`}
            title={caption || "Embedded video"}
            loading="lazy"
            allow="encrypted-media; picture-in-picture"
            allowFullScreen
          />
        </div>
      ) : null}
      <figcaption>
        {caption ? `${caption} · ` : ""}
        <a href={url} rel="noopener noreferrer">
          {video ? "Watch on YouTube" : url}
        </a>
      </figcaption>
    </figure>
  );
}
