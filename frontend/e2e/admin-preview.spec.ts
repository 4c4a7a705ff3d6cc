import { expect, test } from "@playwright/test";
import { django } from "./helpers";

const SLUG = "git-branches-for-humans";

test("the admin's preview panel shows the frontend's draft and follows the editor's typing", async ({ page }) => {
  const backend = process.env.BACKEND_URL!;
  await page.goto(`${backend}/admin/login/`);
  await page.locator("#id_username").fill("admin");
  await page.locator("#id_password").fill(process.env.DEMO_ADMIN_PASSWORD || "codecampus-admin");
  await page.locator("#id_password").press("Enter");
  await expect(page).toHaveURL(`${backend}/admin/`);

  const id = django(`from blog.models import BlogPage\nprint(BlogPage.objects.get(slug="${SLUG}").pk)`);
  await page.goto(`${backend}/admin/pages/${id.split("\n").at(-1)}/edit/`);
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
