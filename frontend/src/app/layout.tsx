import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/AccountMenu";
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  alternates: { types: { "application/rss+xml": "/blog/feed.xml" } },
  openGraph: { siteName: SITE_NAME, type: "website" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1115" },
  ],
};

function Analytics() {
  // Optional, privacy-friendly (Plausible-style) analytics: off unless both are set.
  const src = process.env.ANALYTICS_SCRIPT_URL;
  const domain = process.env.ANALYTICS_DOMAIN;
  if (!src || !domain) return null;
  return <script defer src={src} data-domain={domain} />;
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <Analytics />
      </head>
      <body>
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
            <AccountMenu />
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
      </body>
    </html>
  );
}
