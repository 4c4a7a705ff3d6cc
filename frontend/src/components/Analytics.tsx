/** Optional, privacy-friendly (Plausible-style) analytics: off unless both are set. */
export function Analytics() {
  const src = process.env.ANALYTICS_SCRIPT_URL;
  const domain = process.env.ANALYTICS_DOMAIN;
  if (!src || !domain) return null;
  return <script defer src={src} data-domain={domain} />;
}
