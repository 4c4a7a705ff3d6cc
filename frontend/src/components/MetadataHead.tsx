// The App Router's Metadata and Viewport objects as <head> tags for the Pages Router,
// so that pages of both routers take their titles, cards and links from the same
// values (src/lib/metadata.ts). Covers the fields this site sets, resolved by Next's
// rules: later layers replace earlier ones key by key, a layer's title template applies
// to the titles of the layers after it, relative URLs resolve against metadataBase, and
// the Open Graph and Twitter cards fill their gaps from the page and from each other.
import type { Metadata, Viewport } from "next";
import Head from "next/head";
import type { ReactElement } from "react";

type Title = Metadata["title"];
type Url = string | URL;
type ImageInput = Url | { url: Url; width?: string | number; height?: string | number; alt?: string };
type Image = { url: string; width?: string | number; height?: string | number; alt?: string };
type OpenGraphCard = { title?: string; description?: string; url?: string; siteName?: string; images: Image[]; type?: string };
type TwitterCard = { card: string; title?: string; description?: string; images: Image[] };

export type ResolvedMetadata = {
  title?: string;
  description?: string;
  canonical?: string;
  feeds: { type: string; href: string }[];
  openGraph: OpenGraphCard | null;
  twitter: TwitterCard | null;
  icons: { href: string; sizes?: string; type?: string }[];
};

const asArray = <T,>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);
const present = <T,>(value: T | null | undefined | false): value is T => Boolean(value);

/** The value of the last layer that sets `key` (null, as in Next, unsets it). */
function latest<K extends keyof Metadata>(layers: Metadata[], key: K): Metadata[K] | undefined {
  return layers.reduce<Metadata[K] | undefined>((found, layer) => (layer[key] === undefined ? found : layer[key]), undefined);
}

const applyTemplate = (template: string | null, title: string) => (template ? template.replace("%s", title) : title);

function resolveTitle(layers: Metadata[]): string | undefined {
  let title: string | undefined;
  let template: string | null = null;
  for (const { title: value } of layers) {
    if (value === undefined) continue;
    if (value === null || typeof value === "string") {
      title = value === null ? undefined : applyTemplate(template, value);
      template = null;
    } else {
      title = "absolute" in value ? value.absolute : applyTemplate(template, value.default);
      template = "template" in value ? value.template : null;
    }
  }
  return title;
}

const plainTitle = (title: Title | undefined): string | undefined =>
  title == null || typeof title === "string" ? (title ?? undefined) : "absolute" in title ? title.absolute : title.default;

function absolute(url: Url, base: URL | null): string {
  if (url instanceof URL) return url.href;
  if (!base || /^[a-z][a-z\d+.-]*:/i.test(url)) return url;
  return `${base.origin}${base.pathname.replace(/\/$/, "")}${url.startsWith("/") ? url : `/${url}`}`;
}

const linkUrl = (link: Url | { url: Url }): Url => (typeof link === "string" || link instanceof URL ? link : link.url);

function imagesOf(images: ImageInput | ImageInput[] | undefined, base: URL | null): Image[] {
  return asArray(images).map((image) =>
    typeof image === "string" || image instanceof URL
      ? { url: absolute(image, base) }
      : { url: absolute(image.url, base), width: image.width, height: image.height, alt: image.alt },
  );
}

function openGraphOf(layers: Metadata[], page: { title?: string; description?: string }, base: URL | null) {
  const openGraph = latest(layers, "openGraph");
  if (!openGraph) return null;
  return {
    title: plainTitle(openGraph.title) ?? page.title,
    description: openGraph.description ?? page.description,
    url: openGraph.url ? absolute(openGraph.url, base) : undefined,
    siteName: openGraph.siteName,
    images: imagesOf(openGraph.images, base),
    type: "type" in openGraph ? openGraph.type : undefined,
  };
}

function twitterOf(
  layers: Metadata[],
  page: { title?: string; description?: string },
  openGraph: OpenGraphCard | null,
  base: URL | null,
): TwitterCard | null {
  const twitter = latest(layers, "twitter");
  if (!twitter && !openGraph) return null;
  const images = twitter?.images !== undefined ? imagesOf(twitter.images, base) : (openGraph?.images ?? []);
  const card = twitter && "card" in twitter ? twitter.card : undefined;
  return {
    card: card ?? (images.length ? "summary_large_image" : "summary"),
    title: plainTitle(twitter?.title) ?? openGraph?.title ?? page.title,
    description: twitter?.description ?? openGraph?.description ?? page.description,
    images,
  };
}

function iconsOf(icons: Metadata["icons"] | undefined): ResolvedMetadata["icons"] {
  const list = icons && typeof icons === "object" && "icon" in icons ? asArray(icons.icon) : [];
  return list.map((icon) =>
    typeof icon === "string" || icon instanceof URL
      ? { href: String(icon) }
      : { href: String(icon.url), sizes: icon.sizes, type: icon.type },
  );
}

/** The metadata layers (site first, page last) resolved to the values of the head tags. */
export function resolveMetadata(layers: Metadata[]): ResolvedMetadata {
  const metadataBase = latest(layers, "metadataBase");
  const base = metadataBase ? new URL(metadataBase) : null;
  const page = { title: resolveTitle(layers), description: latest(layers, "description") ?? undefined };
  const alternates = latest(layers, "alternates");
  const feeds = Object.entries(alternates?.types ?? {}).flatMap(([type, links]) =>
    asArray<Url | { url: Url }>(links).map((link) => ({ type, href: absolute(linkUrl(link), base) })),
  );
  const openGraph = openGraphOf(layers, page, base);
  return {
    ...page,
    canonical: alternates?.canonical ? absolute(linkUrl(alternates.canonical), base) : undefined,
    feeds,
    openGraph,
    twitter: twitterOf(layers, page, openGraph, base),
    icons: iconsOf(latest(layers, "icons")),
  };
}

const meta = (key: string, attributes: Record<string, string | number | undefined>) => <meta key={key} {...attributes} />;

/** <meta property|name=key content=value> for each value given. */
function metaTags(attribute: "name" | "property", entries: [string, string | number | undefined][], keySuffix = "") {
  return entries
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => meta(`${key}${keySuffix}`, { [attribute]: key, content: value }));
}

function viewportTags(viewport: Viewport): ReactElement[] {
  const themeColors = asArray(viewport.themeColor).map((entry) => (typeof entry === "string" ? { color: entry } : entry));
  return [
    meta("viewport", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    ...themeColors.map((entry, i) => meta(`theme-color-${i}`, { name: "theme-color", content: entry.color, media: entry.media })),
    ...metaTags("name", [["color-scheme", viewport.colorScheme ?? undefined]]),
  ];
}

type ImageField = "width" | "height" | "alt";

/** An image's URL, then its fields in the given order (Next orders them differently per card). */
function imageTags(attribute: "name" | "property", prefix: string, images: Image[], fields: ImageField[]) {
  return images.flatMap((image, i) => {
    const details = fields.map((field): [string, string | number | undefined] => [`${prefix}:${field}`, image[field]]);
    return metaTags(attribute, [[prefix, image.url], ...details], `-${i}`);
  });
}

function openGraphTags(card: OpenGraphCard | null): ReactElement[] {
  if (!card) return [];
  return [
    ...metaTags("property", [
      ["og:title", card.title],
      ["og:description", card.description],
      ["og:url", card.url],
      ["og:site_name", card.siteName],
    ]),
    ...imageTags("property", "og:image", card.images, ["width", "height", "alt"]),
    ...metaTags("property", [["og:type", card.type]]),
  ];
}

function twitterTags(card: TwitterCard | null): ReactElement[] {
  if (!card) return [];
  return [
    ...metaTags("name", [
      ["twitter:card", card.card],
      ["twitter:title", card.title],
      ["twitter:description", card.description],
    ]),
    ...imageTags("name", "twitter:image", card.images, ["alt", "width", "height"]),
  ];
}

/** The head tags of the metadata layers (site first, page last) and the viewport, in Next's order. */
export function metadataTags(layers: Metadata[], viewport: Viewport): ReactElement[] {
  const resolved = resolveMetadata(layers);
  return [
    ...viewportTags(viewport),
    resolved.title ? <title key="title">{resolved.title}</title> : null,
    ...metaTags("name", [["description", resolved.description]]),
    resolved.canonical ? <link key="canonical" rel="canonical" href={resolved.canonical} /> : null,
    ...resolved.feeds.map(({ type, href }) => <link key={`alternate-${type}`} rel="alternate" type={type} href={href} />),
    ...openGraphTags(resolved.openGraph),
    ...twitterTags(resolved.twitter),
    ...resolved.icons.map(({ href, sizes, type }) => <link key={`icon-${href}`} rel="icon" href={href} sizes={sizes} type={type} />),
  ].filter(present);
}

/** next/head with the tags of the metadata layers, for Pages Router pages. */
export function MetadataHead({ metadata, viewport }: { metadata: Metadata[]; viewport: Viewport }) {
  return <Head>{metadataTags(metadata, viewport)}</Head>;
}
