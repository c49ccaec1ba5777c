import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWeight } from './pageWeight.ts';

const dist = mkdtempSync(join(tmpdir(), 'standpoint-weight-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dist, path, '..'), { recursive: true });
  writeFileSync(join(dist, path), text);
}

const css = 'body{color:#111}'.repeat(40);
const main = "import './chunk.js';\nconsole.log('main');";
const chunk = "console.log('chunk');";
write('_astro/style.css', css);
write('_astro/main.js', main);
write('_astro/chunk.js', chunk);
const page = (prefix: string) =>
  `<!doctype html><link rel="stylesheet" href="${prefix}_astro/style.css"><link rel="icon" href="${prefix}favicon.svg">` +
  `<script type="application/ld+json">{}</script><script type="module" src="${prefix}_astro/main.js"></script><p>Text</p>`;
write('articles/a/index.html', page('/'));
write('articles/b/index.html', page('/deep/sub-path/'));

describe('pageWeight', () => {
  it('counts the HTML, its stylesheets, the scripts it loads and their imports, and the requests', () => {
    const weight = pageWeight(dist, '/articles/a/');
    expect(weight.html).toEqual({ raw: Buffer.byteLength(page('/')), gzip: gzipSync(page('/'), { level: 9 }).length });
    expect(weight.css).toEqual({ raw: css.length, gzip: gzipSync(css, { level: 9 }).length, files: 1 });
    expect(weight.js).toMatchObject({ raw: main.length + chunk.length, files: 2, inlineRaw: 0 });
    expect(weight.other).toBe(1);
    expect(weight.requests).toBe(5);
  });

  it('finds the files of a build made for a base path, and compresses at the level asked', () => {
    const weight = pageWeight(dist, '/articles/b/', { base: '/deep/sub-path/', level: 1 });
    expect(weight.css).toEqual({ raw: css.length, gzip: gzipSync(css, { level: 1 }).length, files: 1 });
    expect(weight.js.files).toBe(2);
    expect(pageWeight(dist, '/articles/b/').css.files).toBe(0);
  });
});
