import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/securityPolicy.ts';

/** Writes `_headers` (Netlify, Cloudflare Pages) into the built site from the one policy in src/lib/securityPolicy.ts. */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'standpoint:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(new URL('_headers', dir), headersFile(base));
        logger.info('wrote _headers with the Content-Security-Policy');
      },
    },
  };
}
