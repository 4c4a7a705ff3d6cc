import type { BlockOf } from "@/api/models";

/** Rich text: HTML produced by Wagtail's editor, internal links already resolved to frontend URLs. */
export function Paragraph({ block }: { block: BlockOf<"paragraph"> }) {
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: block.value }} />;
}
