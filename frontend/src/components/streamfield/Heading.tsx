import type { BlockOf } from "@/api/models";

export function Heading({ block }: { block: BlockOf<"heading"> }) {
  const { text, level, anchor } = block.value;
  const Tag = level;
  return (
    <Tag id={anchor || undefined} className="block-heading">
      {text}
      {anchor ? (
        <a className="anchor" href={`#${anchor}`} aria-label={`Link to “${text}”`}>
          #
        </a>
      ) : null}
    </Tag>
  );
}
