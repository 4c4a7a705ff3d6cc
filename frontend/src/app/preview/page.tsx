import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { componentFor, renderPage } from "@/components/pages";
import { previewPage } from "@/lib/content";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The draft, rendered by the same component as the published page. */
export default async function Preview({ searchParams }: { searchParams: SearchParams }) {
  if (!(await draftMode()).isEnabled) notFound();
  const query = await searchParams;
  const contentType = typeof query.content_type === "string" ? query.content_type : "";
  const token = typeof query.token === "string" ? query.token : "";
  if (!contentType || !token) notFound();
  const page = await previewPage({ contentType, token });
  if (!page) notFound();
  if (!componentFor(page.meta.type)) notFound();
  return (
    <>
      <p className="notice" role="status">
        Preview of a draft: readers do not see this version yet.
      </p>
      {renderPage(page)}
    </>
  );
}
