import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot } from "./helpers";

test("a reader finds a post from the home page and reads it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: "Featured courses" })).toBeVisible();
  await screenshot(page, "home");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
  await expect(page).toHaveURL(/\/blog\/$/);
  await screenshot(page, "blog-index");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Async Python without the magic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Async Python without the magic" })).toBeVisible();
  // Code arrives highlighted from the server; images carry their size.
  await expect(page.locator(".code-block .shiki").first()).toBeVisible();
  const image = page.locator(".image-block img").first();
  await expect(image).toHaveAttribute("width", "1600");
  await expect(image).toHaveAttribute("srcset", /480w/);
  await expect(page.getByRole("region", { name: /About Ada Okafor/ })).toBeVisible();
  expect(await page.locator('script[type="application/ld+json"]').first().textContent()).toContain('"@type":"Article"');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/blog\/async-python-without-the-magic\/$/);
  await screenshot(page, "blog-post");
  await expectAccessible(page);
});

test("a post loads no framework JavaScript, only the account menu's script", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto("/blog/async-python-without-the-magic/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sign up" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(scripts.filter((path) => /^\/_next\/static\/.*\.js$/.test(path))).toEqual([]);
  expect(scripts).toEqual(["/account-menu.js"]);
});

test("the blog index filters by category and searches", async ({ page }) => {
  await page.goto("/blog/?category=databases");
  await expect(page.getByText(/Showing posts with category/)).toBeVisible();
  await expect(page.getByRole("link", { name: "SQL joins, visualised" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Async Python without the magic" })).toHaveCount(0);

  await page.goto("/blog/");
  await page.getByRole("searchbox", { name: "Search" }).fill("traceback");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: "Reading Python tracebacks" })).toBeVisible();
});

test("a missing page is a 404 that says so", async ({ page }) => {
  const response = await page.goto("/blog/no-such-post/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await screenshot(page, "not-found");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posts and courses read completely", async ({ page }) => {
    await page.goto("/blog/loops-without-fear/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".streamfield p").first()).toBeVisible();
    await page.goto("/courses/python-from-scratch/");
    await expect(page.getByRole("heading", { name: "Outline" })).toBeVisible();
  });
});

test("the feed, sitemap and robots.txt are served", async ({ request }) => {
  const feed = await request.get("/blog/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain("<title>Async Python without the magic</title>");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/courses/python-from-scratch/values-and-variables/");
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
});
