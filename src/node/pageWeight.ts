// Weighs one built page the way a first visit loads it: the HTML, the stylesheets it links and the
// scripts it loads (following static imports of module scripts), raw and gzip, and the requests.
// The one weigher of `npm run weight`, the benchmark and the page-weight test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: { raw: number; gzip: number };
  css: { raw: number; gzip: number; files: number };
  /** External script files, plus the inline scripts (already counted in the HTML bytes) shown apart. */
  js: { raw: number; gzip: number; files: number; inlineRaw: number };
  /** Other requests the HTML itself makes (images, icons, preloads). */
  other: number;
  /** HTML + stylesheets + script files + other. */
  requests: number;
}

export interface WeighOptions {
  /** The site's base path: `/deep/sub-path/` when the build was made for one. */
  base?: string;
  /** gzip's level: 9 (the default here) as a host that compresses ahead of time; the test keeps zlib's default (6). */
  level?: number;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** The file in `dist` a URL of `pageDir` refers to, or undefined for another origin. */
function localFile(dist: string, pageDir: string, url: string, base: string): string | undefined {
  const clean = url.replace(/[?#].*$/, '');
  const inDist = (path: string) => join(dist, path.startsWith(base) ? path.slice(base.length - 1) : path);
  if (/^(https?:)?\/\//.test(clean)) {
    const m = /^(?:https?:)?\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(\/.*)$/.exec(clean);
    return m ? inDist(m[1]!) : undefined;
  }
  if (clean.startsWith('data:')) return undefined;
  return clean.startsWith('/') ? inDist(clean) : resolve(pageDir, clean);
}

/** Weighs `dist/<pagePath>/index.html` (pagePath like `/articles/slug/`, without the base). */
export function pageWeight(dist: string, pagePath: string, { base = '/', level = 9 }: WeighOptions = {}): PageWeight {
  const gz = (data: Buffer | string) => gzipSync(data, { level }).length;
  const pageDir = join(dist, pagePath);
  const htmlBuf = readFileSync(join(pageDir, 'index.html'));
  const html = htmlBuf.toString();
  const css: Buffer[] = [];
  const js = new Map<string, Buffer>();
  let inlineRaw = 0;
  let other = 0;

  const addScript = (file: string) => {
    if (js.has(file) || !existsSync(file)) return;
    const data = readFileSync(file);
    js.set(file, data);
    for (const m of data.toString().matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.m?js)["']/g)) addScript(resolve(dirname(file), m[1]!));
  };

  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(m[0]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const file = attrs.href ? localFile(dist, pageDir, attrs.href, base) : undefined;
    if (rel.includes('stylesheet')) {
      if (file && existsSync(file)) css.push(readFileSync(file));
    } else if (rel.includes('modulepreload')) {
      if (file) addScript(file);
    } else if (rel.includes('icon') || rel.includes('preload')) {
      other++;
    }
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(`<script ${m[1]}>`);
    if ((attrs.type ?? '').includes('json')) continue;
    if (attrs.src) {
      const file = localFile(dist, pageDir, attrs.src, base);
      if (file) addScript(file);
    } else {
      inlineRaw += Buffer.byteLength(m[2]!);
    }
  }
  other += [...html.matchAll(/<img\b[^>]*\bsrc=/gi)].length;

  const jsFiles = [...js.values()];
  return {
    page: pagePath,
    html: { raw: htmlBuf.length, gzip: gz(htmlBuf) },
    css: { raw: css.reduce((s, d) => s + d.length, 0), gzip: css.reduce((s, d) => s + gz(d), 0), files: css.length },
    js: { raw: jsFiles.reduce((s, d) => s + d.length, 0), gzip: jsFiles.reduce((s, d) => s + gz(d), 0), files: jsFiles.length, inlineRaw },
    other,
    requests: 1 + css.length + jsFiles.length + other,
  };
}
