"use client";
import { useEffect } from "react";

/** A backend failure: say so (and offer a retry) rather than pretend the page is missing. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("page_render_failed", error.digest ?? "");
  }, [error]);
  return (
    <section className="message-page" role="alert">
      <h1>Something went wrong on our side</h1>
      <p>We could not load this page from the content service. It is not your fault, and the page still exists.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
