import { describe, expect, it } from "vitest";
import { outcomeOf } from "./auth";

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
  });
});
