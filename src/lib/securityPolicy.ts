/**
 * The Content-Security-Policy of the site. Pages load only their own stylesheet and images and run no
 * script at all (JSON-LD is data, which CSP does not govern); the one exception is `/search/`, which
 * runs its own script and Pagefind's (a same-origin module that compiles its WebAssembly and fetches
 * the index), and nothing else.
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self'",
  "font-src 'self'",
  // Nothing can run a fetch on a page without scripts; allowing the site's own origin lets tools that read
  // the page from inside it (Lighthouse's robots.txt audit) do so, and lets /search/ load its index.
  "connect-src 'self'",
  "base-uri 'none'",
  // The header's search box sends a plain GET to /search/.
  "form-action 'self'",
] as const;

/** The build inlines no style and no script (astro.config.mjs: inlineStylesheets 'never'), so none is hashed. */
const STYLE_SOURCES = ["'self'"];

/** Which policy a page gets: every page `site`, but `/search/`. */
export type PagePolicy = 'site' | 'search';

/**
 * Scripts each policy allows. `/search/`: same-origin files only (its bundled script and `pagefind/pagefind.js`),
 * and the compilation of WebAssembly (Pagefind's search runs in WASM); never inline script or eval.
 */
const SCRIPT_SOURCES: Record<PagePolicy, string[]> = {
  site: ["'none'"],
  search: ["'self'", "'wasm-unsafe-eval'"],
};

/** Directives only a response header can carry (a <meta> policy ignores them). */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The policy as a `<meta http-equiv>` value, for hosts that cannot send headers (GitHub Pages, S3). */
export function cspMetaValue(policy: PagePolicy = 'site'): string {
  return [...CSP_DIRECTIVES, `style-src ${STYLE_SOURCES.join(' ')}`, `script-src ${SCRIPT_SOURCES[policy].join(' ')}`].join('; ');
}

/** The policy as a header value, for hosts that read a `_headers` file or a server config. */
export function cspHeaderValue(policy: PagePolicy = 'site'): string {
  return [cspMetaValue(policy), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * The `_headers` file read by Netlify and Cloudflare Pages: the site's policy plus a few safe defaults for
 * every path, and the search page's policy for `<base>search/`, in that order. Cloudflare Pages gives a
 * request every matching rule's headers (two policies would both apply, the stricter winning), so the search
 * rule first detaches the site-wide policy (`! Content-Security-Policy`, its syntax). Netlify's parser skips
 * that line (it has no colon) and lets a later matching rule's header replace an earlier one's.
 */
export function headersFile(base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    '/*',
    `  Content-Security-Policy: ${cspHeaderValue()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    `${root}search/`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${cspHeaderValue('search')}`,
    '',
  ].join('\n');
}
