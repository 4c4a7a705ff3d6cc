// The account menu of pages that ship no React (the Pages Router's posts): the same
// decisions as src/components/AccountMenu.tsx with knownSession() of src/lib/auth.ts,
// in plain ES2017. The page prerenders both menus as <template>s (StaticAccountMenu).
(() => {
  "use strict";
  // Shared with src/lib/auth.ts: a browser asks for a session only while the backend's
  // readable mark (accounts/middleware.py) says it has a signed-in one.
  const SIGNED_IN_COOKIE = "signed_in";
  const SESSION_URL = "/api/auth/browser/v1/auth/session";

  const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
  const optional = (value, check) => value === undefined || check(value);
  const isString = (value) => typeof value === "string";
  const isBoolean = (value) => typeof value === "boolean";
  const isUser = (value) => isObject(value) && typeof value.id === "number" && isString(value.email);
  const isFlow = (item) => isObject(item) && isString(item.id) && optional(item.is_pending, isBoolean);
  const isFieldError = (item) =>
    isObject(item) && isString(item.message) && isString(item.code) && optional(item.param, isString);
  const orEmpty = (value, empty) => (value === undefined || value === null ? empty : value);

  // allauth's envelope, checked as envelopeOf() in auth.ts does; null when the body is not one.
  function envelopeOf(body) {
    if (!isObject(body) || typeof body.status !== "number") return null;
    const data = orEmpty(body.data, {});
    const meta = orEmpty(body.meta, {});
    if (!isObject(data) || !isObject(meta) || !optional(meta.is_authenticated, isBoolean)) return null;
    if (!optional(data.user, isUser)) return null;
    const flows = orEmpty(data.flows, []);
    if (!Array.isArray(flows) || !flows.every(isFlow)) return null;
    if (body.errors !== undefined && !(Array.isArray(body.errors) && body.errors.every(isFieldError))) return null;
    return { user: data.user, authenticated: meta.is_authenticated };
  }

  // outcomeOf() in auth.ts, folded to what the menu tells apart.
  function outcomeOf(status, body) {
    const envelope = envelopeOf(body);
    if (!envelope) return "failed";
    if (status === 200 && envelope.user && envelope.authenticated !== false) return "signed-in";
    return "signed-out";
  }

  async function session() {
    try {
      const response = await fetch(SESSION_URL, { credentials: "same-origin" });
      return outcomeOf(response.status, await response.json());
    } catch (error) {
      return "failed";
    }
  }

  function knownSession() {
    const marked = document.cookie.split(";").some((part) => part.trim().startsWith(SIGNED_IN_COOKIE + "="));
    return marked ? session() : Promise.resolve("signed-out");
  }

  function show(outcome) {
    const menu = outcome === "signed-in" ? "signed-in" : "visitor";
    const template = document.querySelector(`template[data-account-menu="${menu}"]`);
    const placeholder = document.querySelector(".account-menu-pending");
    if (template && placeholder) placeholder.replaceWith(template.content.cloneNode(true));
  }

  knownSession().then(show);
})();
