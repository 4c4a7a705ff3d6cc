import { describe, expect, it } from "vitest";
import { escapeXml, rssFeed } from "./rss";

describe("rssFeed", () => {
  it("escapes text and writes one item per post", () => {
    const xml = rssFeed({ title: "Blog", url: "http://s.test/blog/", description: "d", self: "http://s.test/blog/feed.xml" }, [
      { title: "Tom & <Jerry>", url: "http://s.test/blog/a/", description: "x", date: "2026-07-13", categories: ["Python"] },
    ]);
    expect(xml).toContain("<title>Tom &amp; &lt;Jerry&gt;</title>");
    expect(xml).toContain("<pubDate>Mon, 13 Jul 2026 00:00:00 GMT</pubDate>");
    expect(xml).toContain("<category>Python</category>");
    expect(xml.match(/<item>/g)).toHaveLength(1);
  });

  it("escapes every XML special character", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
