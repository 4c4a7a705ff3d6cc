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
  }
  expect([...reached].sort()).toEqual(["editor", "reset"]);
});
