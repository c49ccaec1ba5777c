/**
 * Every environment variable Standpoint reads, read here and nowhere else. The config, the
 * integrations, the scripts, the tests and the benchmarks ask this module; tests and benchmarks that
 * start a build of their own set the variables for it with `envFor`.
 */
type Environment = Record<string, string | undefined>;

/** What each variable sets, by name. */
const NAMES = {
  /** The origin the site is served from, with any path (Astro's `site`). */
  siteUrl: 'SITE_URL',
  /** The folder under that origin (Astro's `base`). */
  basePath: 'BASE_PATH',
  /** The folder the articles are read from (tests and benchmarks). */
  articlesDir: 'STANDPOINT_ARTICLES',
  /** Astro's cache folder; it also keeps the social images already drawn. Tests and benchmarks that build several sites give each its own. */
  cacheDir: 'STANDPOINT_CACHE_DIR',
  /** `satteri` builds with Astro's default Sätteri processor instead of unified + remark-gfm (benchmark only: no quote marks). */
  markdown: 'STANDPOINT_MARKDOWN',
  /** Debian's Chromium, for the browser tests and the benchmarks. */
  chromiumPath: 'CHROMIUM_PATH',
} as const;

export interface Settings {
  siteUrl: string;
  basePath: string;
  articlesDir: string;
  cacheDir: string;
  markdown: 'unified' | 'satteri';
  chromiumPath: string;
  /** Under CI (`CI` set): a missing browser fails the browser suite instead of skipping it. */
  ci: boolean;
}

/** The settings of an environment (by default this process's), with the defaults filled in. */
export function readEnv(env: Environment = process.env): Settings {
  return {
    siteUrl: env[NAMES.siteUrl] || 'http://localhost:4321',
    basePath: env[NAMES.basePath] || '/',
    articlesDir: env[NAMES.articlesDir] || 'content/articles',
    cacheDir: env[NAMES.cacheDir] || './node_modules/.astro',
    markdown: env[NAMES.markdown] === 'satteri' ? 'satteri' : 'unified',
    chromiumPath: env[NAMES.chromiumPath] || '/usr/bin/chromium',
    ci: Boolean(env.CI),
  };
}

/** The variables that give a child process (a build, a script) these settings. */
export function envFor(settings: Partial<Omit<Settings, 'ci'>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[NAMES[key as keyof typeof NAMES]] = String(value);
  return env;
}

/** This process's settings. */
export const env = readEnv();

/** The folder the articles are read from: `content/articles`, or `STANDPOINT_ARTICLES`. */
export function articlesDir(environment: Environment = process.env): string {
  return readEnv(environment).articlesDir;
}
