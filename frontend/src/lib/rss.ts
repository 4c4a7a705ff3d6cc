export type FeedItem = { title: string; url: string; description: string; date?: string | null; categories: string[] };

export const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);

/** An RSS 2.0 document for the blog. */
export function rssFeed(channel: { title: string; url: string; description: string; self: string }, items: FeedItem[]): string {
  const entries = items
    .map((item) =>
      [
        "<item>",
        `<title>${escapeXml(item.title)}</title>`,
        `<link>${escapeXml(item.url)}</link>`,
        `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
        `<description>${escapeXml(item.description)}</description>`,
        item.date ? `<pubDate>${new Date(item.date).toUTCString()}</pubDate>` : "",
        ...item.categories.map((category) => `<category>${escapeXml(category)}</category>`),
        "</item>",
      ].join(""),
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(channel.title)}</title>
<link>${escapeXml(channel.url)}</link>
<description>${escapeXml(channel.description)}</description>
<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>
${entries}
</channel>
</rss>
`;
}
