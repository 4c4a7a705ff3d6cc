import { expect, test, type Locator, type Page } from "@playwright/test";
import { blogPostEditPath, django, openEditorWatchingEdits, signInToAdmin } from "./helpers";

const SLUG = "git-branches-for-humans";

test("an editor fills a post's introduction with 'Generate with AI', by mouse and by keyboard", async ({ page }) => {
  const backend = await signInToAdmin(page);
  await page.goto(`${backend}${blogPostEditPath(SLUG)}`);

  const introduction = page.locator("#id_introduction");
  const button = page.getByRole("button", { name: "Generate with AI: Blog post introduction" });
  const status = page.locator("#id_introduction-ai-status");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toContainText("no call limit");

  await introduction.fill("");
  await button.click();
  await expect(introduction).not.toHaveValue("");
  await expect(status).toContainText("Generated · offline engine");
  const generated = await introduction.inputValue();
  expect(generated.length).toBeGreaterThan(40);

  // The same request again, from the keyboard: served from the cache, same text.
  await introduction.fill("");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(introduction).toHaveValue(generated);
  await expect(status).toContainText("From the cache");
});

test("wagtail-ai's title suggestion and the Checks panel's content feedback work on a headless page", async ({ page }) => {
  const backend = await signInToAdmin(page);
  await page.goto(`${backend}${blogPostEditPath(SLUG)}`);

  const titlePanel = page.locator('[data-controller~="wai-field-panel"]').first();
  await titlePanel.getByRole("button", { name: "AI Actions" }).click();
  await page.getByText("Generate title").first().click();
  await expect(titlePanel).toHaveAttribute("data-wai-field-panel-state-value", "suggesting");
  await expect(titlePanel).not.toHaveAttribute("data-wai-field-panel-suggestion-value", "");

  await page.locator('[data-side-panel-toggle="checks"]').click();
  const checks = page.locator('[data-side-panel="checks"]');
  await checks.getByRole("button", { name: "Get content feedback" }).click();
  await expect(checks).toContainText("offline engine's extractive check", { timeout: 15_000 });
});

/** The page's newest revision as stored, for checking what autosave or "Save draft" kept. */
function latestRevisionJson(model: string, slug: string): string {
  return django(
    `import json\nfrom ${model.split(".")[0]}.models import ${model.split(".")[1]}\n` +
      `page = ${model.split(".")[1]}.objects.get(slug=${JSON.stringify(slug)})\n` +
      `print(json.dumps(page.latest_revision.content))`,
  )
    .split("\n")
    .at(-1)!;
}

/** Draftail's ContentState JSON written into a field as visible text. */
const DRAFTAIL_JSON = /\\?"(blocks|entityMap|inlineStyleRanges)\\?"/;

async function generateAndSaveDraft(page: Page, buttons: Locator[]) {
  for (const button of buttons) {
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const status = page.locator(`#${await button.getAttribute("aria-describedby")}`);
    await expect(status).toContainText(/Generated|From the cache/);
  }
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".messages")).toContainText(/has been updated|saved/i);
}

test("'Generate with AI' on a post's paragraphs and introduction keeps them rich text", async ({ page }) => {
  const backend = await signInToAdmin(page);
  const before = latestRevisionJson("blog.BlogPage", SLUG);
  await openEditorWatchingEdits(page, `${backend}${blogPostEditPath(SLUG)}`);

  const paragraph = page.getByRole("button", { name: "Generate with AI: Improve a section" }).first();
  const introduction = page.getByRole("button", { name: "Generate with AI: Blog post introduction" });
  const firstParagraph = page.locator(".DraftEditor-root").first();
  const paragraphText = (await firstParagraph.innerText()).trim();
  await generateAndSaveDraft(page, [paragraph, introduction]);

  await expect(firstParagraph).not.toContainText("{");
  expect((await firstParagraph.innerText()).trim().slice(0, 40)).toBe(paragraphText.slice(0, 40));
  const after = latestRevisionJson("blog.BlogPage", SLUG);
  expect(after).not.toBe(before);
  expect(after).not.toMatch(DRAFTAIL_JSON);
  await page.reload();
  await expect(page.locator(".DraftEditor-root").first()).not.toContainText("entityMap");
});

test("'Generate with AI' on a lesson's paragraphs and an exercise's instructions and tests keeps rich text", async ({ page }) => {
  const backend = await signInToAdmin(page);
  const slug = "values-and-variables";
  const id = django(`from courses.models import LessonPage\nprint(LessonPage.objects.get(slug="${slug}").pk)`).split("\n").at(-1);
  await openEditorWatchingEdits(page, `${backend}/admin/pages/${id}/edit/`);

  await generateAndSaveDraft(page, [
    page.getByRole("button", { name: "Generate with AI: Improve a section" }).first(),
    page.getByRole("button", { name: "Generate with AI: Exercise from a lesson" }).first(),
  ]);

  const after = latestRevisionJson("courses.LessonPage", slug);
  expect(after).not.toMatch(DRAFTAIL_JSON);
  expect(after).toContain("practise");
});
