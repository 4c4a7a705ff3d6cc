import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, screenshot } from "./helpers";

const PASSWORD = "a-sign-in-pass-phrase-42";

async function signUp(page: Page): Promise<string> {
  const email = `sign-in-${Date.now()}@example.com`;
  await page.goto("/account/signup/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/dashboard\/$/);
  return email;
}

async function expectSignedInMenu(page: Page) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Log in" })).toHaveCount(0);
}

/** A login through allauth's browser API from this page's session, as another tab would send it. */
async function apiLogIn(page: Page, email: string, password: string): Promise<number> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === "csrftoken")?.value ?? "";
  const response = await page.request.post("/api/auth/browser/v1/auth/login", {
    data: { email, password },
    headers: { "X-CSRFToken": csrf, Origin: new URL(page.url()).origin },
  });
  return response.status();
}

test("a mistyped password, cleared storage or a lost mark never locks a signed-in learner out", async ({ page }) => {
  const email = await signUp(page);

  // A mistyped password from another tab: refused, and the session is untouched.
  expect(await apiLogIn(page, email, "not-the-password")).toBe(400);
  await page.goto("/courses/");
  await expectSignedInMenu(page);

  // The browser clears local storage but keeps cookies.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expectSignedInMenu(page);

  // Opening the login page while signed in says so, and offers to continue or log out.
  await page.goto("/account/login/?next=/courses/");
  await expect(page.getByRole("status")).toContainText(`You are already logged in as ${email}`);
  await screenshot(page, "login-already-signed-in");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/courses\/$/);
  await expectSignedInMenu(page);

  // Even with the readable mark gone, one correct login is enough: allauth's 409
  // "already signed in" ends signed in, never as a form error.
  await page.context().clearCookies({ name: "signed_in" });
  await page.goto("/account/login/?next=/courses/");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  const [conflict] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/auth/login") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Log in" }).click(),
  ]);
  expect(conflict.status()).toBe(409);
  await expect(page).toHaveURL(/\/courses\/$/);
  await expect(page.getByText("Please check the form.")).toHaveCount(0);
  await expectSignedInMenu(page);

  // "Log out" from the notice leaves a working login form.
  await page.goto("/account/login/");
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/$/);
  await expectSignedInMenu(page);
});

test("a password typed before the page is ready never reaches an address or a log", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const secret = `never-logged-${Date.now()}`;
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  for (const path of ["/account/login/", "/account/signup/"]) {
    await page.goto(path);
    await expect(page.getByText(/needs JavaScript, which is turned off in this browser/)).toBeVisible();
    const form = page.locator("form");
    await expect(form).toHaveAttribute("method", "post");
    await page.getByLabel("E-mail").fill("learner@example.com");
    await page.getByLabel("Password").fill(secret);
    await page.getByLabel("Password").press("Enter");
    await expect(page.getByRole("button", { name: /Log in|Sign up/ })).toBeDisabled();
  }
  await screenshot(page, "signup-without-javascript");

  // Were a browser to send the form anyway, its fallback action drops it and explains.
  const sent = await page.request.post("/account/no-script/", {
    form: { email: "learner@example.com", password: secret },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  expect(sent.headers().location).toBe("/account/javascript-required/");
  await page.goto("/account/javascript-required/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This form needs JavaScript");

  expect(requested.filter((url) => url.includes(secret))).toEqual([]);
  const log = process.env.E2E_BACKEND_LOG;
  if (log) expect(readFileSync(log, "utf8")).not.toContain(secret);
  await context.close();
});

test("a login form sent before hydration goes nowhere", async ({ page }) => {
  const secret = `before-hydration-${Date.now()}`;
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  // The page's JavaScript never arrives: it stays as the server rendered it.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.goto("/account/login/");
  await page.getByLabel("E-mail").fill("learner@example.com");
  await page.getByLabel("Password").fill(secret);
  await page.getByLabel("Password").press("Enter");
  await page.waitForTimeout(500);

  expect(new URL(page.url()).pathname).toBe("/account/login/");
  expect(requested.filter((url) => url.includes(secret))).toEqual([]);
});
