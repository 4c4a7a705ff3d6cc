import { expect, test } from "@playwright/test";
import { blogPostEditPath, openEditorWatchingEdits, signInToAdmin } from "./helpers";

const SLUG = "git-branches-for-humans";

test("the admin's preview panel shows the frontend's draft and follows the editor's typing", async ({ page }) => {
  const backend = await signInToAdmin(page);
  await openEditorWatchingEdits(page, `${backend}${blogPostEditPath(SLUG)}`);
  await page.locator('[data-side-panel-toggle="preview"]').first().click();

  // Wagtail's panel frames the preview view, which frames the frontend's /api/preview.
  const panel = page.frameLocator("#w-preview-iframe").frameLocator("iframe");
  await expect(panel.getByRole("heading", { level: 1 })).toHaveText(/Git branches/, { timeout: 20_000 });

  const typed = `Typed in the editor ${Date.now()}`;
  await page.locator("#id_title").fill(typed);
  await expect(panel.getByRole("heading", { level: 1 })).toHaveText(typed, { timeout: 20_000 });

  // Nothing was published: readers still see the live title.
  const live = await page.request.get(`/blog/${SLUG}/`);
  expect(await live.text()).not.toContain(typed);
});
