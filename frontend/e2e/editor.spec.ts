import { expect, test } from "@playwright/test";
import { django, expectAccessible, screenshot } from "./helpers";

const SLUG = "loops-without-fear";

test("a published change shows without a rebuild", async ({ page }) => {
  await page.goto(`/blog/${SLUG}/`);
  const title = `Loops without fear (${Date.now()})`;
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);

  django(
    `from blog.models import BlogPage\n` +
      `page = BlogPage.objects.get(slug=${JSON.stringify(SLUG)})\n` +
      `page.title = ${JSON.stringify(title)}\n` +
      `page.save_revision().publish()`,
  );

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Listings (here the feed, which lists every post) are refreshed by the same call.
  const feed = await page.request.get("/blog/feed.xml");
  expect(await feed.text()).toContain(`<title>${title}</title>`);
});

test("an editor previews a draft that readers do not see", async ({ page }) => {
  const draftTitle = `Draft only ${Date.now()}`;
  const output = django(
    `from blog.models import BlogPage\n` +
      `page = BlogPage.objects.get(slug="sql-joins-visualised")\n` +
      `page.title = ${JSON.stringify(draftTitle)}\n` +
      `preview = page.create_page_preview()\n` +
      `print(page.get_content_type_str(), preview.token)`,
  );
  const [contentType, token] = output.split("\n").at(-1)!.split(" ");

  const bad = await page.goto(`/api/preview/?content_type=${contentType}&token=forged`);
  expect(bad?.status()).toBe(404);

  await page.goto(`/api/preview/?content_type=${contentType}&token=${encodeURIComponent(token!)}&in_preview_panel=true`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draftTitle);
  await expect(page.getByRole("status").filter({ hasText: "Preview of a draft" })).toBeVisible();
  await screenshot(page, "preview");
  await expectAccessible(page);

  await page.goto("/blog/sql-joins-visualised/");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(draftTitle);
});

test("a post scheduled to go live appears once its time has come and the scheduler runs", async ({ page }) => {
  const slug = `scheduled-${Date.now()}`;
  const title = `Scheduled for later (${slug})`;
  django(
    `from datetime import timedelta\n` +
      `from django.utils import timezone\n` +
      `from blog.models import BlogIndexPage, BlogPage\n` +
      `post = BlogPage(title=${JSON.stringify(title)}, slug=${JSON.stringify(slug)}, introduction="Soon.", live=False,\n` +
      `    body=[{"type": "paragraph", "value": "<p>On time.</p>"}])\n` +
      `BlogIndexPage.objects.get().add_child(instance=post)\n` +
      `post.go_live_at = timezone.now() + timedelta(minutes=5)\n` +
      `revision = post.save_revision()\n` +
      `revision.publish()\n` +
      // The go-live time passes.
      `past = timezone.now() - timedelta(seconds=1)\n` +
      `revision.approved_go_live_at = past\n` +
      `revision.content["go_live_at"] = past.isoformat()\n` +
      `revision.save()`,
  );
  expect((await page.goto(`/blog/${slug}/`))?.status()).toBe(404);

  // What `make dev` and the compose scheduler run once a minute, in a process of its own.
  django(`from django.core.management import call_command\ncall_command("scheduler", "--once")`);

  await expect(async () => {
    await page.goto(`/blog/${slug}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
});

test("a lesson never published previews with its draft exercise", async ({ page }) => {
  const slug = `draft-lesson-${Date.now()}`;
  const output = django(
    `from courses.models import CoursePage, Exercise, LessonPage\n` +
      `course = CoursePage.objects.live().first()\n` +
      `exercise = Exercise(title="Draft exercise", instructions="<p>Return 1.</p>",\n` +
      `    solution="def one():\\n    return 1\\n",\n` +
      `    test_cases=[{"type": "test_case", "value": {"name": "one", "code": "assert one() == 1", "hidden": False, "weight": 1}}])\n` +
      `lesson = LessonPage(title="A lesson still in draft", slug=${JSON.stringify(slug)}, summary="Not live yet.",\n` +
      `    live=False, body=[{"type": "paragraph", "value": "<p>Draft body.</p>"}], exercises=[exercise])\n` +
      `course.add_child(instance=lesson)\n` +
      `preview = lesson.create_page_preview()\n` +
      `print(lesson.get_content_type_str(), preview.token)`,
  );
  const [contentType, token] = output.split("\n").at(-1)!.split(" ");

  await page.goto(`/api/preview/?content_type=${contentType}&token=${encodeURIComponent(token!)}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A lesson still in draft");
  await expect(page.getByText("Draft body.")).toBeVisible();
  const practise = page.getByRole("region", { name: "Practise" });
  await expect(practise.getByText("Draft exercise")).toBeVisible();
  await expect(practise.getByText("opens once the lesson is published")).toBeVisible();
  await screenshot(page, "preview-draft-lesson");
  await expectAccessible(page);
});

test("an author's new name shows on their post within seconds", async ({ page }) => {
  await page.goto(`/blog/${SLUG}/`);
  const name = `Ada Okafor-${Date.now()}`;
  await expect(page.getByText(name)).toHaveCount(0);

  django(
    `from blog.models import BlogPage\n` +
      `author = BlogPage.objects.get(slug=${JSON.stringify(SLUG)}).authors.first()\n` +
      `author.name = ${JSON.stringify(name)}\n` +
      `author.save()`,
  );

  await expect(async () => {
    await page.reload();
    await expect(page.locator("p.meta", { hasText: `By ${name}` })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
});
