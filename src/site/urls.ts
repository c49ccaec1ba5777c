import { sitePaths } from '../lib/urls.ts';

/** The site's paths under the configured base (BASE_PATH, as Astro's `base`). */
export const paths = sitePaths(import.meta.env.BASE_URL);

/** Absolute URL of a site path, on the configured `site` (SITE_URL). */
export function absoluteUrl(path: string): string {
  return new URL(path, import.meta.env.SITE).href;
}
