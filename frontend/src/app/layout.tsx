import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/AccountMenu";
import { Analytics } from "@/components/Analytics";
import { SiteFrame } from "@/components/SiteFrame";
import { siteMetadata, siteViewport } from "@/lib/metadata";
import "./globals.css";

export const metadata: Metadata = siteMetadata;

export const viewport: Viewport = siteViewport;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <Analytics />
      </head>
      <body>
        <SiteFrame accountMenu={<AccountMenu />}>{children}</SiteFrame>
      </body>
    </html>
  );
}
