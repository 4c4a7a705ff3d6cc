import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { outcomeOf } from "@/lib/auth";
import { StaticAccountMenu } from "./AccountMenuViews";

// public/account-menu.js fills StaticAccountMenu's placeholder where React does not run.
const SCRIPT = readFileSync(path.resolve(__dirname, "../../public/account-menu.js"), "utf8");
const MARKUP = renderToStaticMarkup(<StaticAccountMenu />);

const SIGNED_IN = { status: 200, data: { user: { id: 1, email: "a@b.test" } }, meta: { is_authenticated: true } };
const SIGNED_OUT = { status: 401, data: { flows: [{ id: "login" }] }, meta: { is_authenticated: false } };

type Answer = { status: number; body: unknown } | "offline";
type Run = { cookies?: string; answer?: Answer };

/** Runs the script against a page holding StaticAccountMenu's markup; what it showed. */
async function runScript({ cookies = "", answer = "offline" }: Run) {
  let shown: string | null = null;
  const document = {
    cookie: cookies,
    // Only selectors that match the server's markup find anything.
    querySelector(selector: string) {
      const template = /^template\[data-account-menu="([\w-]+)"\]$/.exec(selector)?.[1];
      if (template && MARKUP.includes(`<template data-account-menu="${template}">`)) {
        return { content: { cloneNode: () => template } };
      }
      if (selector === ".account-menu-pending" && MARKUP.includes('class="account-menu account-menu-pending"')) {
        return { replaceWith: (menu: string) => void (shown = menu) };
      }
      return null;
    },
  };
  const fetch = vi.fn(async () => {
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  runInNewContext(SCRIPT, { window: {}, document, fetch });
  await vi.waitFor(() => expect(shown).not.toBeNull());
  return { shown, fetch };
}

const MARKED = "csrftoken=x; signed_in=1";

describe("public/account-menu.js", () => {
  it("shows a visitor the log-in links without asking for a session the backend never marked", async () => {
    const { shown, fetch } = await runScript({ cookies: "csrftoken=x" });
    expect(shown).toBe("visitor");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("asks the backend while its mark is there, and shows the learner's links", async () => {
    const { shown, fetch } = await runScript({ cookies: MARKED, answer: { status: 200, body: SIGNED_IN } });
    expect(fetch).toHaveBeenCalledWith("/api/auth/browser/v1/auth/session", { credentials: "same-origin" });
    expect(shown).toBe("signed-in");
  });

  it("believes the backend over the mark once the session has ended", async () => {
    const { shown } = await runScript({ cookies: MARKED, answer: { status: 401, body: SIGNED_OUT } });
    expect(shown).toBe("visitor");
  });

  it("offers the log-in links when the account service cannot be reached", async () => {
    const { shown } = await runScript({ cookies: MARKED, answer: "offline" });
    expect(shown).toBe("visitor");
  });

  // The same answers as src/lib/auth.ts's outcomeOf().
  it.each([
    [200, SIGNED_IN],
    [200, { ...SIGNED_IN, meta: { is_authenticated: false } }],
    [200, { status: 200, data: {}, meta: {} }],
    [401, SIGNED_OUT],
    [401, { status: 401, data: { flows: [{ id: "verify_email", is_pending: true }] }, meta: {} }],
    [400, { status: 400, errors: [{ message: "Invalid.", code: "invalid", param: "email" }] }],
    [409, { status: 409, data: {} }],
    [429, { status: 429 }],
    [500, { status: 500 }],
    [200, "<html>"],
    [200, { status: "200", data: SIGNED_IN.data }],
    [200, { status: 200, data: { user: { id: 1 } } }],
    [200, { status: 200, data: { user: null } }],
    [401, { status: 401, data: { flows: [{ is_pending: true }] } }],
    [400, { status: 400, errors: [{ message: 1, code: "x" }] }],
    [200, { status: 200, data: SIGNED_IN.data, meta: { is_authenticated: "yes" } }],
  ])("agrees with outcomeOf() on a %i answer (%j)", async (status, body) => {
    const kind = outcomeOf(status, body).kind;
    const { shown } = await runScript({ cookies: MARKED, answer: { status, body } });
    expect(shown).toBe(kind === "signed-in" ? "signed-in" : "visitor");
  });
});
