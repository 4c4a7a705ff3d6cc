import Link from "next/link";
import type { ReactNode } from "react";
import { SITE_NAME } from "@/lib/site";

/**
 * The header, main landmark and footer of every page, in both routers: the App Router
 * passes its client-side account menu, the Pages Router a static one (StaticAccountMenu).
 */
export function SiteFrame({ accountMenu, children }: { accountMenu: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <nav aria-label="Main" className="container nav">
          <Link href="/" className="brand">
            {SITE_NAME}
          </Link>
          <span className="nav-links">
            <Link href="/blog/">Blog</Link>
            <Link href="/courses/">Courses</Link>
          </span>
          {accountMenu}
        </nav>
      </header>
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            {SITE_NAME} · <Link href="/blog/feed.xml">RSS feed</Link> · <Link href="/sitemap.xml">Sitemap</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
