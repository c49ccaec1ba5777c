/** Absolute URL of a site path, on the configured `site` (SITE_URL). */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}
