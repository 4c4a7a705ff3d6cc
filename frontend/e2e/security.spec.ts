import { expect, test, type Page } from "@playwright/test";
import { django } from "./helpers";

// Every page type a reader meets, and one with an embedded video player.
const PAGES = [
  "/",
  "/blog/",
  "/blog/async-python-without-the-magic/",
  "/courses/python-from-scratch/",
  "/courses/python-from-scratch/values-and-variables/",
  "/account/login/",
];

// Violations of a policy that is enforced fire this event, even when the page catches
// the error (as zod does when it probes for eval).
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const scriptSources = (policy: string | undefined) =>
  (policy ?? "").split("; ").find((directive) => directive.startsWith("script-src "))!.split(" ").slice(1);

test("pages carry the security headers and run under their policy without a violation", async ({ page }) => {
  await recordViolations(page);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });

  for (const path of PAGES) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers["content-security-policy"], path).toContain("script-src 'self'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    // Hydrated: the account menu is rendered by client code after load.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await violations(page), path).toEqual([]);
  }
  // Also no failed request: a visitor's session is not asked for (it would answer 401).
  expect(consoleErrors).toEqual([]);
});

test("posts allow no inline script, and a draft preview only its own nonce", async ({ page }) => {
  const post = await page.request.get("/blog/async-python-without-the-magic/");
  expect(scriptSources(post.headers()["content-security-policy"])).toEqual(["'self'"]);

  // Hostile HTML saved past the editor: the API sanitises it, and the policy would
  // refuse an inline script that slipped through.
  const output = django(
    `from blog.models import BlogPage\n` +
      `from wagtail.rich_text import RichText\n` +
      `page = BlogPage.objects.get(slug="sql-joins-visualised")\n` +
      `page.body = [("paragraph", RichText('<p>Draft<img src="x" onerror="window.pwned=1"><script>window.pwned=2</script></p>'))]\n` +
      `preview = page.create_page_preview()\n` +
      `print(page.get_content_type_str(), preview.token)`,
  );
  const [contentType, token] = output.split("\n").at(-1)!.split(" ");
  await recordViolations(page);
  const response = await page.goto(`/api/preview/?content_type=${contentType}&token=${encodeURIComponent(token!)}`);
  await expect(page.getByRole("status").filter({ hasText: "Preview of a draft" })).toBeVisible();

  const sources = scriptSources(response!.headers()["content-security-policy"]);
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources.filter((source) => source.startsWith("'nonce-"))).toHaveLength(1);
  // Hydrated under the nonce: the account menu is client-rendered.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});
