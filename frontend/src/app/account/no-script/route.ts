// Where a form that carries a secret lands if a browser sends it without our code
// (before the page is ready, or with JavaScript off). The body is never read: the
// password goes nowhere, and the browser is sent to a page that says why.
const EXPLANATION = "/account/javascript-required/";

const toExplanation = () => new Response(null, { status: 303, headers: { Location: EXPLANATION, "Cache-Control": "no-store" } });

export const POST = toExplanation;
export const GET = toExplanation;
