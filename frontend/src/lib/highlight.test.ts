import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { Block } from "@/api/models";
import { StreamField } from "@/components/streamfield/StreamField";
import { highlight, highlightCodeBlocks } from "./highlight";

const paragraph: Block = { type: "paragraph", id: "p", value: "<p>Before</p>" };
const code: Block = {
  type: "code",
  id: "c",
  value: { language: "python", filename: "hello.py", code: "def hello():\n    return '<b>'" },
};

describe("highlight", () => {
  it("colours code for both themes as escaped HTML, with no script", async () => {
    const html = await highlight("def hello():\n    return '<b>'", "python");
    expect(html).toContain('class="shiki');
    expect(html).toContain("--shiki-dark:");
    expect(html).toContain("&#x3C;b>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script");
  });

  it("treats a language it does not know as plain text", async () => {
    expect(await highlight("anything", "cobol")).toContain("anything");
  });
});

describe("highlightCodeBlocks", () => {
  it("attaches the highlighted HTML to each code block and leaves the others as they are", async () => {
    const [first, second] = await highlightCodeBlocks([paragraph, code]);
    expect(first).toBe(paragraph);
    expect(second).toMatchObject({ ...code, html: await highlight(code.value.code, "python") });
  });

  it("returns blocks that the StreamField renders without waiting", async () => {
    const html = renderToStaticMarkup(createElement(StreamField, { blocks: await highlightCodeBlocks([paragraph, code]) }));
    expect(html.indexOf("Before")).toBeLessThan(html.indexOf("hello.py"));
    expect(html).toContain('class="shiki');
  });
});
