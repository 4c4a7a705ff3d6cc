// Syntax highlighting on the server (at build or revalidation time): readers get
// plain HTML with inline colours for both themes and no highlighter in their bundle.
// No "server-only" marker: Next refuses it in the Pages Router, whose getStaticProps
// (src/pages/blog/[slug].tsx) reads through here; Next keeps getStaticProps and what
// only it imports out of the browser's bundle.
import { codeToHtml, type BundledLanguage } from "shiki";
import type { Block, RenderableBlock } from "@/api/models";

const LANGUAGES: Record<string, BundledLanguage | "text"> = {
  python: "python",
  python3: "python",
  javascript: "javascript",
  typescript: "typescript",
  html: "html",
  css: "css",
  bash: "bash",
  sql: "sql",
  json: "json",
  yaml: "yaml",
  rust: "rust",
  go: "go",
  text: "text",
};

export async function highlight(code: string, language: string): Promise<string> {
  return codeToHtml(code, {
    lang: LANGUAGES[language] ?? "text",
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
  });
}

/** The same blocks, each code block with its highlighted HTML attached. */
export async function highlightCodeBlocks(blocks: Block[]): Promise<RenderableBlock[]> {
  return Promise.all(
    blocks.map(async (block) =>
      block.type === "code" ? { ...block, html: await highlight(block.value.code, block.value.language) } : block,
    ),
  );
}
