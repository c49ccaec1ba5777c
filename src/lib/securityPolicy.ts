/**
 * The one Content-Security-Policy of the site. Pages load only their own stylesheet and images;
 * they run no script at all (JSON-LD is data, which CSP does not govern).
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** The build inlines no style and no script (astro.config.mjs: inlineStylesheets 'never'), so none is hashed. */
const STYLE_SOURCES = ["'self'"];

/** Directives only a response header can carry (a <meta> policy ignores them). */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The policy as a `<meta http-equiv>` value, for hosts that cannot send headers (GitHub Pages, S3). */
export function cspMetaValue(): string {
  return [...CSP_DIRECTIVES, `style-src ${STYLE_SOURCES.join(' ')}`, "script-src 'none'"].join('; ');
}

/** The policy as a header value, for hosts that read a `_headers` file or a server config. */
export function cspHeaderValue(): string {
  return [cspMetaValue(), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The `_headers` file read by Netlify and Cloudflare Pages: the same policy plus a few safe defaults. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${cspHeaderValue()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '',
  ].join('\n');
}
