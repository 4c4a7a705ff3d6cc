import type { BlockOf } from "@/api/models";

const LABELS = { note: "Note", tip: "Tip", warning: "Warning", danger: "Danger" } as const;

export function Callout({ block }: { block: BlockOf<"callout"> }) {
  const { kind, title, body } = block.value;
  return (
    <aside className={`callout callout-${kind}`} aria-label={title || LABELS[kind]}>
      <p className="callout-title">
        <strong>{title || LABELS[kind]}</strong>
      </p>
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: body }} />
    </aside>
  );
}
