import type { ContentImage } from "@/api/models";

export type ImageAttributes = {
  src: string;
  srcSet: string | undefined;
  width: number;
  height: number;
  alt: string;
};

/** <img> attributes from a Wagtail image: the largest rendition as src, all as srcset. */
export function imageAttributes(image: ContentImage, alt?: string): ImageAttributes | null {
  const renditions = [...image.renditions].sort((a, b) => a.width - b.width);
  const largest = renditions.at(-1);
  if (!largest) return null;
  return {
    src: largest.url,
    srcSet: renditions.length > 1 ? renditions.map((r) => `${r.url} ${r.width}w`).join(", ") : undefined,
    width: largest.width,
    height: largest.height,
    alt: alt ?? image.alt,
  };
}
