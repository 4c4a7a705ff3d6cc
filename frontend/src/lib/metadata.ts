import type { Metadata } from "next";
import { z } from "zod";
import { imageSchema, pageMetaSchema } from "@/api/models";
import { imageAttributes } from "./images";
import { pathOfUrl } from "./paths";

const seoSchema = z
  .object({
    title: z.string(),
    meta: pageMetaSchema,
    introduction: z.string().optional(),
    summary: z.string().optional(),
    hero_image: imageSchema.nullable().optional(),
    cover_image: imageSchema.nullable().optional(),
  })
  .loose();

/** Title, description, canonical URL and OpenGraph card from a Wagtail page. */
export function pageMetadata(page: unknown, options: { isHome?: boolean } = {}): Metadata {
  const parsed = seoSchema.safeParse(page);
  if (!parsed.success) return {};
  const { title, meta, introduction, summary, hero_image, cover_image } = parsed.data;
  const description = meta.search_description || introduction || summary || undefined;
  const path = pathOfUrl(meta.html_url);
  const image = hero_image ?? cover_image;
  const card = image ? imageAttributes(image) : null;
  const heading = meta.seo_title || title;
  return {
    title: options.isHome ? { absolute: heading } : heading,
    description,
    alternates: path ? { canonical: path } : undefined,
    openGraph: {
      title: heading,
      description,
      url: path ?? undefined,
      type: meta.type === "blog.BlogPage" ? "article" : "website",
      images: card ? [{ url: card.src, width: card.width, height: card.height, alt: card.alt }] : undefined,
    },
    twitter: { card: card ? "summary_large_image" : "summary" },
  };
}
