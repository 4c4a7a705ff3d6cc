// Syntax highlighting on the server (at build or revalidation time): readers get
// plain HTML with inline colours for both themes and no highlighter in their bundle.
import "server-only";
import { codeToHtml, type BundledLanguage } from "shiki";

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
