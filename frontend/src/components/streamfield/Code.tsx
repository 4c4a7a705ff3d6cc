import type { HighlightedCodeBlock } from "@/api/models";

/** Highlighted on the server (highlightCodeBlocks); the browser only receives coloured HTML. */
export function Code({ block }: { block: HighlightedCodeBlock }) {
  const { language, filename } = block.value;
  return (
    <figure className="code-block">
      {filename ? <figcaption className="code-filename">{filename}</figcaption> : null}
      <div className="code-body" data-language={language} dangerouslySetInnerHTML={{ __html: block.html }} />
    </figure>
  );
}
