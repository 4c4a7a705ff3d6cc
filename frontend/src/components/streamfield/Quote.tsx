import type { BlockOf } from "@/api/models";

export function Quote({ block }: { block: BlockOf<"quote"> }) {
  const { quote, attribution } = block.value;
  return (
    <figure className="quote-block">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution ? <figcaption>— {attribution}</figcaption> : null}
    </figure>
  );
}
