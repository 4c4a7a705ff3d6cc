import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pageMetadata, siteMetadata, siteViewport } from "@/lib/metadata";
import { metadataTags, resolveMetadata } from "./MetadataHead";

const post = {
  id: 6,
  title: "Async Python without the magic",
  introduction: "What the event loop does.",
  meta: { type: "blog.BlogPage", html_url: "http://localhost:3000/blog/async-python/" },
  hero_image: {
    id: 1,
    alt: "Event loop diagram",
    width: 1600,
    height: 900,
    renditions: [
      { url: "http://b.test/media/loop.width-480.jpg", width: 480, height: 270 },
      { url: "http://b.test/media/loop.width-1600.jpg", width: 1600, height: 900 },
    ],
  },
};

const headOf = (layers: Parameters<typeof metadataTags>[0]) => renderToStaticMarkup(<>{metadataTags(layers, siteViewport)}</>);

describe("metadataTags (the App Router's metadata as Pages Router head tags)", () => {
  it("gives a post the tags the App Router gives it", () => {
    const head = headOf([siteMetadata, pageMetadata(post)]);
    const expected = [
      '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
      '<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)"/>',
      '<meta name="theme-color" content="#0f1115" media="(prefers-color-scheme: dark)"/>',
      '<meta name="color-scheme" content="light dark"/>',
      "<title>Async Python without the magic · CodeCampus</title>",
      '<meta name="description" content="What the event loop does."/>',
      '<link rel="canonical" href="http://localhost:3000/blog/async-python/"/>',
      '<link rel="alternate" type="application/rss+xml" href="http://localhost:3000/blog/feed.xml"/>',
      '<meta property="og:title" content="Async Python without the magic"/>',
      '<meta property="og:description" content="What the event loop does."/>',
      '<meta property="og:url" content="http://localhost:3000/blog/async-python/"/>',
      '<meta property="og:site_name" content="CodeCampus"/>',
      '<meta property="og:image" content="http://b.test/media/loop.width-1600.jpg"/>',
      '<meta property="og:image:width" content="1600"/>',
      '<meta property="og:image:height" content="900"/>',
      '<meta property="og:image:alt" content="Event loop diagram"/>',
      '<meta property="og:type" content="article"/>',
      '<meta name="twitter:card" content="summary_large_image"/>',
      '<meta name="twitter:title" content="Async Python without the magic"/>',
      '<meta name="twitter:description" content="What the event loop does."/>',
      '<meta name="twitter:image" content="http://b.test/media/loop.width-1600.jpg"/>',
      '<meta name="twitter:image:alt" content="Event loop diagram"/>',
      '<meta name="twitter:image:width" content="1600"/>',
      '<meta name="twitter:image:height" content="900"/>',
      '<link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml"/>',
    ];
    expect(head).toBe(expected.join(""));
  });

  it("keeps an absolute title out of the site's template", () => {
    expect(resolveMetadata([siteMetadata, { title: { absolute: "CodeCampus home" } }]).title).toBe("CodeCampus home");
  });

  it("fills the cards of the site's own metadata from its title and description", () => {
    const resolved = resolveMetadata([siteMetadata]);
    expect(resolved.title).toBe("CodeCampus");
    expect(resolved.openGraph).toMatchObject({ title: "CodeCampus", description: resolved.description, siteName: "CodeCampus" });
    expect(resolved.twitter).toEqual({ card: "summary", title: "CodeCampus", description: resolved.description, images: [] });
  });

  it("replaces the site's nested fields with the page's, key by key, as Next does", () => {
    const resolved = resolveMetadata([siteMetadata, { alternates: { canonical: "/about/" }, openGraph: { title: "About" } }]);
    expect(resolved.canonical).toBe("http://localhost:3000/about/");
    expect(resolved.feeds).toEqual([]);
    expect(resolved.openGraph?.siteName).toBeUndefined();
  });

  it("keeps absolute URLs and resolves relative ones under the base's path", () => {
    const base = { metadataBase: new URL("https://example.test/site/") };
    expect(resolveMetadata([base, { alternates: { canonical: "https://other.test/x/" } }]).canonical).toBe("https://other.test/x/");
    expect(resolveMetadata([base, { alternates: { canonical: "/x/" } }]).canonical).toBe("https://example.test/site/x/");
  });
});
