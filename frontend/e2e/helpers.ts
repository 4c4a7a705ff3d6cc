import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(HERE, "artifacts");

/** Saves a full-page screenshot of a page type as a test artefact. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, "screenshots", `${name}.png`), fullPage: true });
}

/** axe-core on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Runs Python in the backend's Django (as an editor would act through Wagtail) and returns its stdout. */
export function django(code: string): string {
  const backend = path.resolve(HERE, "..", "..", "backend");
  return execFileSync(path.join(backend, ".venv", "bin", "python"), ["manage.py", "shell", "-c", code], {
    cwd: backend,
    env: process.env,
    encoding: "utf8",
  }).trim();
}

/** The last frontend link matching `pattern` in the e-mails the backend printed (dev console mail). */
export async function lastMailedPath(pattern: RegExp, after = 0): Promise<string> {
  const log = process.env.E2E_BACKEND_LOG;
  if (!log) throw new Error("E2E_BACKEND_LOG is not set (run the specs through e2e/run.sh)");
  let found: string | undefined;
  await expect(async () => {
    const text = readFileSync(log, "utf8").slice(after);
    found = [...text.matchAll(new RegExp(pattern.source, "g"))].at(-1)?.[0];
    expect(found).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  return new URL(found!).pathname;
}

/** How much the backend has logged so far, to look only at mail sent after this point. */
export function backendLogSize(): number {
  const log = process.env.E2E_BACKEND_LOG;
  return log ? readFileSync(log, "utf8").length : 0;
}

/** Signs in to the Wagtail admin as the demo editor and returns the backend's base URL. */
export async function signInToAdmin(page: Page): Promise<string> {
  const backend = process.env.BACKEND_URL!;
  await page.goto(`${backend}/admin/login/`);
  await page.locator("#id_username").fill("admin");
  await page.locator("#id_password").fill(process.env.DEMO_ADMIN_PASSWORD || "codecampus-admin");
  await page.locator("#id_password").press("Enter");
  await expect(page).toHaveURL(`${backend}/admin/`);
  return backend;
}

/** The admin URL for editing the blog post with this slug. */
export function blogPostEditPath(slug: string): string {
  const id = django(`from blog.models import BlogPage\nprint(BlogPage.objects.get(slug="${slug}").pk)`);
  return `/admin/pages/${id.split("\n").at(-1)}/edit/`;
}

/**
 * Opens a page's edit view once Wagtail is watching the form for edits.
 * Wagtail snapshots the form about 2 s after load and only edits made after that
 * snapshot reach its preview panel and autosave, so typing earlier is silently lost.
 */
export async function openEditorWatchingEdits(page: Page, url: string) {
  await page.addInitScript(() => {
    document.addEventListener("w-unsaved:watch-edits", () => document.documentElement.setAttribute("data-e2e-watching-edits", ""));
  });
  await page.goto(url);
  await page.locator("html[data-e2e-watching-edits]").waitFor({ state: "attached" });
}
