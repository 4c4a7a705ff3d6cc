import { expect, test } from "@playwright/test";
import { blogPostEditPath, signInToAdmin } from "./helpers";

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
