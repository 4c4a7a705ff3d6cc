import { expect, test } from "@playwright/test";
import { backendLogSize, expectAccessible, lastMailedPath, screenshot } from "./helpers";

const VERIFY_LINK = /http:\/\/localhost:\d+\/account\/verify-email\/[^\s"<>]+/;
const RESET_LINK = /http:\/\/localhost:\d+\/account\/password\/reset\/[^\s"<>]+/;

test("a learner verifies their e-mail, edits their profile and resets a forgotten password", async ({ page }) => {
  const email = `account-${Date.now()}@example.com`;
  let mark = backendLogSize();

  await page.goto("/account/signup/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("first-pass-phrase-42");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/dashboard\/$/);

  await page.goto(await lastMailedPath(VERIFY_LINK, mark));
  await expect(page.getByText("Your e-mail address is verified.")).toBeVisible();

  await page.goto("/account/profile/");
  await page.getByLabel("Display name").fill("Grace");
  await page.getByLabel("Bio").fill("Learning Python in the evenings.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await screenshot(page, "profile");
  await expectAccessible(page);

  // Posts ship no React: their account menu is public/account-menu.js's.
  const nav = page.getByRole("navigation", { name: "Main" });
  await page.goto("/blog/async-python-without-the-magic/");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Log in" })).toHaveCount(0);

  await page.goto("/account/logout/");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/blog/async-python-without-the-magic/");
  await expect(nav.getByRole("link", { name: "Log in" })).toBeVisible();

  await page.goto("/account/login/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await screenshot(page, "login");
  await expectAccessible(page);

  mark = backendLogSize();
  await page.goto("/account/password/reset/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/we sent it a link to choose a new password/)).toBeVisible();

  await page.goto(await lastMailedPath(RESET_LINK, mark));
  await page.getByLabel("New password", { exact: true }).fill("second-pass-phrase-42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await page.goto("/account/login/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("second-pass-phrase-42");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/$/);
});

test("the keyboard reaches the exercise's editor and its submit button", async ({ page }) => {
  await page.goto("/exercises/1/");
  await expect(page.locator(".cm-content")).toBeVisible();
  const reached = new Set<string>();
  for (let i = 0; i < 40 && reached.size < 2; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      if (el?.classList.contains("cm-content")) return "editor";
      return el?.textContent?.trim() === "Reset to starter code" ? "reset" : "";
    });
    if (label) reached.add(label);
    // Tab indents inside the editor; Escape, then Tab, leaves it.
    if (label === "editor") await page.keyboard.press("Escape");
  }
  expect([...reached].sort()).toEqual(["editor", "reset"]);
});

test("the editor indents Python by four spaces, on Enter and on Tab", async ({ page }) => {
  await page.goto("/exercises/1/");
  const editor = page.locator(".cm-content");
  await expect(editor).toBeVisible();
  await expect(editor).toHaveAttribute("aria-describedby", "code-editor-keys");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.type("def seconds_in_days(days):");
  await page.keyboard.press("Enter");
  await page.keyboard.type("total = days");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.type("# still inside");

  const draft = await page.evaluate(() => window.localStorage.getItem("codecampus:draft:1"));
  expect(draft).toBe("def seconds_in_days(days):\n    total = days\n        # still inside");
});
