import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { blockSchema, type Block, type HighlightedCodeBlock } from "@/api/models";
import { blockComponents } from "./StreamField";
import { Callout } from "./Callout";
import { Code } from "./Code";
import { Embed, youtubeId } from "./Embed";
import { Heading } from "./Heading";
import { Image as ImageView } from "./Image";
import { Paragraph } from "./Paragraph";
import { Quote } from "./Quote";

const image = {
  id: 1,
  alt: "A diagram",
  width: 1600,
  height: 900,
  renditions: [
    { url: "http://b.test/media/a.width-960.jpg", width: 960, height: 540 },
    { url: "http://b.test/media/a.width-480.jpg", width: 480, height: 270 },
    { url: "http://b.test/media/a.width-1600.jpg", width: 1600, height: 900 },
  ],
};

describe("block renderers", () => {
  it("has a component for every block type of the contract", () => {
    const types = blockSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(blockComponents).sort()).toEqual(types);
  });

  it("renders a paragraph's rich text as HTML", () => {
    const html = renderToStaticMarkup(<Paragraph block={{ type: "paragraph", id: "p", value: "<p>Hi <b>there</b></p>" }} />);
    expect(html).toBe('<div class="rich-text"><p>Hi <b>there</b></p></div>');
  });

  it("renders a heading at its level with its anchor", () => {
    const html = renderToStaticMarkup(
      <Heading block={{ type: "heading", id: "h", value: { text: "Loops", level: "h3", anchor: "loops" } }} />,
    );
    expect(html).toMatch(/^<h3 id="loops"/);
    expect(html).toContain('href="#loops"');
  });

  it("renders an image with intrinsic size and every rendition in srcset", () => {
    const html = renderToStaticMarkup(<ImageView block={{ type: "image", id: "i", value: { image, caption: "Caption" } }} />);
    expect(html).toContain('width="1600"');
    expect(html).toContain('height="900"');
    expect(html).toContain('src="http://b.test/media/a.width-1600.jpg"');
    expect(html).toContain(
      'srcSet="http://b.test/media/a.width-480.jpg 480w, http://b.test/media/a.width-960.jpg 960w, http://b.test/media/a.width-1600.jpg 1600w"',
    );
    expect(html).toContain('alt="A diagram"');
    expect(html).toContain("<figcaption>Caption</figcaption>");
  });

  it("renders nothing for an image the reader may not see", () => {
    expect(renderToStaticMarkup(<ImageView block={{ type: "image", id: "i", value: { image: null, caption: "" } }} />)).toBe("");
  });

  it("renders a quote with its attribution", () => {
    const html = renderToStaticMarkup(
      <Quote block={{ type: "quote", id: "q", value: { quote: "Simple is better", attribution: "Tim" } }} />,
    );
    expect(html).toContain("<blockquote><p>Simple is better</p></blockquote>");
    expect(html).toContain("— Tim");
  });

  it("renders a callout of its kind, falling back to the kind as title", () => {
    const html = renderToStaticMarkup(
      <Callout block={{ type: "callout", id: "c", value: { kind: "warning", title: "", body: "<p>Careful</p>" } }} />,
    );
    expect(html).toContain('class="callout callout-warning"');
    expect(html).toContain("<strong>Warning</strong>");
    expect(html).toContain("<p>Careful</p>");
  });

  it("plays YouTube videos in the privacy-enhanced player and links everything else", () => {
    const video = renderToStaticMarkup(
      <Embed block={{ type: "embed", id: "e", value: { url: "https://www.youtube.com/watch?v=abc123", caption: "Talk" } }} />,
    );
    expect(video).toContain('src="https://www.youtube-nocookie.com/embed/abc123"');
    expect(video).toContain('title="Talk"');
    const link = renderToStaticMarkup(
      <Embed block={{ type: "embed", id: "e", value: { url: "https://example.com/slides", caption: "" } }} />,
    );
    expect(link).not.toContain("<iframe");
    expect(link).toContain('href="https://example.com/slides"');
  });

  it("extracts video ids from every YouTube URL form", () => {
    expect(youtubeId("https://youtu.be/xyz")).toBe("xyz");
    expect(youtubeId("https://www.youtube.com/embed/xyz")).toBe("xyz");
    expect(youtubeId("https://vimeo.com/1")).toBeNull();
    expect(youtubeId("not a url")).toBeNull();
  });

  it("renders a code block's highlighted HTML under its file name", () => {
    const block: HighlightedCodeBlock = {
      type: "code",
      id: "c",
      value: { language: "python", filename: "hello.py", code: "pass" },
      html: '<pre class="shiki"><code>pass</code></pre>',
    };
    const html = renderToStaticMarkup(<Code block={block} />);
    expect(html).toContain('<figcaption class="code-filename">hello.py</figcaption>');
    expect(html).toContain('<div class="code-body" data-language="python"><pre class="shiki"><code>pass</code></pre></div>');
  });

  it("rejects a block type the contract does not know", () => {
    const unknown = { type: "carousel", id: "x", value: {} } as unknown as Block;
    expect(blockSchema.safeParse(unknown).success).toBe(false);
  });
});
