import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "./AccountMenu";
import { StaticAccountMenu } from "./AccountMenuViews";
import { MetadataHead } from "./MetadataHead";
import { SiteFrame } from "./SiteFrame";
import { siteMetadata, siteViewport } from "@/lib/metadata";

// Next honours unstable_runtimeJS = false in production builds only: in development it
// hydrates the page, and React would render over what the menu's script put in place.
const accountMenu = process.env.NODE_ENV === "production" ? <StaticAccountMenu /> : <AccountMenu />;

/**
 * A Pages Router page that opts out of Next's client runtime (config.unstable_runtimeJS
 * = false): the site's frame and head as the App Router's root layout renders them, with
 * the account menu filled in by a small script instead of React.
 */
export function ScriptFreePage({ metadata, children }: { metadata: Metadata; children: ReactNode }) {
  return (
    <>
      <MetadataHead metadata={[siteMetadata, metadata]} viewport={siteViewport} />
      <SiteFrame accountMenu={accountMenu}>{children}</SiteFrame>
    </>
  );
}
