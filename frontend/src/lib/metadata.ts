import type { Metadata, Viewport } from "next";
import { z } from "zod";
import { imageSchema, pageMetaSchema } from "@/api/models";
import { imageAttributes } from "./images";
import { pathOfUrl } from "./paths";
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "./site";

const FEEDS = { "application/rss+xml": "/blog/feed.xml" };

/** The whole site's metadata: the App Router's root layout, and the first layer of a Pages Router page's head. */
export const siteMetadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  alternates: { types: FEEDS },
  openGraph: { siteName: SITE_NAME, type: "website" },
  // Served from src/app/icon.svg; declared here so that both routers link it (the App
  // Router then links this instead of the file with its cache-busting query).
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml", sizes: "any" }] },
};

export const siteViewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

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
  // A page's nested fields replace the layout's (Next merges metadata key by key), so
  // the feed and the site name are repeated here.
  return {
    title: options.isHome ? { absolute: heading } : heading,
    description,
    alternates: { canonical: path ?? undefined, types: FEEDS },
    openGraph: {
      siteName: SITE_NAME,
      title: heading,
      description,
      url: path ?? undefined,
      type: meta.type === "blog.BlogPage" ? "article" : "website",
      images: card ? [{ url: card.src, width: card.width, height: card.height, alt: card.alt }] : undefined,
    },
    twitter: { card: card ? "summary_large_image" : "summary" },
  };
}
