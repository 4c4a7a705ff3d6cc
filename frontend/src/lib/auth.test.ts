import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const get = vi.fn();
const post = vi.fn();
vi.mock("@/api/client", () => ({ auth: { GET: get, POST: post, DELETE: vi.fn() } }));
const { knownSession, logIn, outcomeOf } = await import("./auth");

const answer = (status: number, body: unknown) => ({ data: status === 200 ? body : undefined, error: body, response: new Response(null, { status }) });
const SIGNED_IN = { status: 200, data: { user: { id: 1, email: "a@b.test" } }, meta: { is_authenticated: true } };
const SIGNED_OUT = { status: 401, data: { flows: [{ id: "login" }] }, meta: { is_authenticated: false } };

describe("outcomeOf (allauth answers)", () => {
  it("reads a signed-in session", () => {
    const body = { status: 200, data: { user: { id: 1, email: "a@b.test" } }, meta: { is_authenticated: true } };
    expect(outcomeOf(200, body)).toEqual({ kind: "signed-in", email: "a@b.test" });
  });

  it("reads a pending e-mail verification as the next step", () => {
    const body = { status: 401, data: { flows: [{ id: "login" }, { id: "verify_email", is_pending: true }] }, meta: {} };
    expect(outcomeOf(401, body)).toEqual({ kind: "pending", flow: "verify_email" });
  });

  it("reads a plain 401 as signed out", () => {
    expect(outcomeOf(401, { status: 401, data: { flows: [{ id: "login" }] }, meta: { is_authenticated: false } })).toEqual({
      kind: "signed-out",
    });
  });

  it("passes field errors through", () => {
    const body = { status: 400, errors: [{ message: "This password is too common.", code: "password_too_common", param: "password" }] };
    expect(outcomeOf(400, body)).toEqual({
      kind: "invalid",
      errors: [{ message: "This password is too common.", code: "password_too_common", param: "password" }],
    });
  });

  it("never trusts a body of the wrong shape", () => {
    expect(outcomeOf(200, "<html>")).toMatchObject({ kind: "failed" });
    expect(outcomeOf(500, { status: 500 })).toMatchObject({ kind: "failed" });
    expect(outcomeOf(200, { status: 200, data: { user: { id: 1 } } })).toMatchObject({ kind: "failed" });
    expect(outcomeOf(401, { status: 401, data: { flows: [{ is_pending: true }] } })).toMatchObject({ kind: "failed" });
    expect(outcomeOf(400, { status: 400, errors: "bad" })).toMatchObject({ kind: "failed" });
    expect(outcomeOf(200, { status: 200, data: { user: { id: 1, email: "a@b.test" } }, meta: { is_authenticated: "yes" } })).toMatchObject({
      kind: "failed",
    });
  });
});

describe("knownSession (no 401 for visitors)", () => {
  const cookies = { value: "" };
  beforeEach(() => {
    cookies.value = "csrftoken=abc";
    vi.stubGlobal("document", {
      get cookie() {
        return cookies.value;
      },
    });
    get.mockReset();
    post.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("does not ask the backend in a browser the backend never marked as signed in", async () => {
    expect(await knownSession()).toEqual({ kind: "signed-out" });
    expect(get).not.toHaveBeenCalled();
  });

  it("asks whenever the backend's mark is there, and believes the answer", async () => {
    cookies.value = "csrftoken=abc; signed_in=1";
    get.mockResolvedValueOnce(answer(200, SIGNED_IN));
    expect(await knownSession()).toEqual({ kind: "signed-in", email: "a@b.test" });
    get.mockResolvedValueOnce(answer(401, SIGNED_OUT));
    expect(await knownSession()).toEqual({ kind: "signed-out" });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it("a failed login leaves nothing behind that hides the session", async () => {
    cookies.value = "signed_in=1";
    post.mockResolvedValueOnce(answer(400, { status: 400, errors: [{ message: "Wrong password.", code: "invalid" }] }));
    expect(await logIn("a@b.test", "wrong")).toMatchObject({ kind: "invalid" });
    get.mockResolvedValueOnce(answer(200, SIGNED_IN));
    expect(await knownSession()).toEqual({ kind: "signed-in", email: "a@b.test" });
  });

  it("a login that finds the browser already signed in ends signed in, never as a form error", async () => {
    post.mockResolvedValueOnce(answer(409, { status: 409 }));
    get.mockResolvedValueOnce(answer(200, SIGNED_IN));
    expect(await logIn("a@b.test", "right")).toEqual({ kind: "signed-in", email: "a@b.test" });
  });
});
