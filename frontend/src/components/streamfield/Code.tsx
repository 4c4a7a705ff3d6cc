import type { BlockOf } from "@/api/models";
import { highlight } from "@/lib/highlight";

/** Highlighted on the server; the browser only receives coloured HTML. */
export async function Code({ block }: { block: BlockOf<"code"> }) {
  const { code, language, filename } = block.value;
  const html = await highlight(code, language);
  return (
    <figure className="code-block">
      {filename ? <figcaption className="code-filename">{filename}</figcaption> : null}
      <div className="code-body" data-language={language} dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
