import { sitePaths } from '../lib/urls.ts';

/** The site's paths under the configured base. */
export const paths = sitePaths(import.meta.env.BASE_URL);
