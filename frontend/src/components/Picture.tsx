import type { ContentImage } from "@/api/models";
import { imageAttributes } from "@/lib/images";

type Props = {
  image: ContentImage;
  sizes?: string;
  alt?: string;
  className?: string;
  priority?: boolean;
};

/** A Wagtail image with its renditions as srcset and its intrinsic size (no layout shift). */
export function Picture({ image, sizes = "(min-width: 48rem) 48rem, 100vw", alt, className, priority }: Props) {
  const attrs = imageAttributes(image, alt);
  if (!attrs) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- Wagtail renders the renditions; Next's optimiser is not needed
    <img
      {...attrs}
      alt={attrs.alt}
      sizes={attrs.srcSet ? sizes : undefined}
      className={className}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={priority ? "high" : undefined}
    />
  );
}
