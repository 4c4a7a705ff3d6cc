import type { BlockOf } from "@/api/models";
import { Picture } from "@/components/Picture";

export function Image({ block }: { block: BlockOf<"image"> }) {
  const { image, caption } = block.value;
  if (!image) return null;
  return (
    <figure className="image-block">
      <Picture image={image} />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
