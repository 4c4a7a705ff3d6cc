import Link from "next/link";

export default function NotFound() {
  return (
    <section className="message-page">
      <h1>Page not found</h1>
      <p>There is no published page at this address. It may have moved or been unpublished.</p>
      <p>
        <Link href="/">Go to the home page</Link> or <Link href="/blog/">browse the blog</Link>.
      </p>
    </section>
  );
}
