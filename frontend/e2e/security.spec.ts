import { expect, test } from "@playwright/test";

// Every page type a reader meets, and one with an embedded video player.
const PAGES = [
  "/",
  "/blog/",
  "/blog/async-python-without-the-magic/",
  "/courses/python-from-scratch/",
  "/courses/python-from-scratch/values-and-variables/",
  "/account/login/",
];

test("pages carry the security headers and run under their policy without a violation", async ({ page }) => {
  // Violations of a policy that is enforced fire this event, even when the page catches
  // the error (as zod does when it probes for eval).
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
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
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
  }
  // Also no failed request: a visitor's session is not asked for (it would answer 401).
  expect(consoleErrors).toEqual([]);
});
