import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkerDigest, rendererDigest } from './rendererDigest.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project with the files the digest reads; `change` edits one of them before it is read. */
function project(change: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'standpoint-renderer-'));
  roots.push(root);
  const files: Record<string, string> = {
    'src/lib/rehypeClaimMarks.ts': 'export const marks = 1;',
    'src/lib/rehypeClaimMarks.test.ts': 'test',
    'src/lib/checkArticles.testing.ts': 'helper',
    'src/site/urls.ts': 'export const base = "/";',
    'src/pages/index.astro': '<p>home</p>',
    'src/schemas/claim.ts': 'export const claim = 1;',
    'src/node/articleFiles.ts': 'export const read = 1;',
    'package-lock.json': '{"lockfileVersion":3}',
    'node_modules/.package-lock.json': '{"packages":{}}',
    'astro.config.mjs': 'export default {};',
    'node_modules/remark-gfm/package.json': '{"version":"4.0.1"}',
    ...change,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('rendererDigest', () => {
  const base = rendererDigest(project());

  it('is the same for the same code, wherever the project is', () => {
    expect(rendererDigest(project())).toBe(base);
  });

  it('changes with the claim marks, a site module, the config or a Markdown package', () => {
    for (const change of [
      { 'src/lib/rehypeClaimMarks.ts': 'export const marks = 2;' },
      { 'src/site/urls.ts': 'export const base = "/x/";' },
      { 'astro.config.mjs': 'export default { base: "/x/" };' },
      { 'node_modules/remark-gfm/package.json': '{"version":"4.0.2"}' },
      { 'src/lib/quoteMarks.ts': 'export const added = true;' },
    ] as Record<string, string>[]) {
      expect(rendererDigest(project(change)), Object.keys(change)[0]).not.toBe(base);
    }
  });

  it('ignores tests, test helpers and the pages (Astro hashes those itself)', () => {
    for (const change of [
      { 'src/lib/rehypeClaimMarks.test.ts': 'other test' },
      { 'src/lib/checkArticles.testing.ts': 'other helper' },
      { 'src/pages/index.astro': '<p>other</p>' },
    ] as Record<string, string>[]) {
      expect(rendererDigest(project(change)), Object.keys(change)[0]).toBe(base);
    }
  });
});

describe('checkerDigest', () => {
  const base = checkerDigest(project());

  it('is the same for the same code, wherever the project is', () => {
    expect(checkerDigest(project())).toBe(base);
  });

  it('changes with a check, a schema, the reading of files, the lockfile or what is installed', () => {
    for (const change of [
      { 'src/lib/rehypeClaimMarks.ts': 'export const marks = 2;' },
      { 'src/schemas/claim.ts': 'export const claim = 2;' },
      { 'src/node/articleFiles.ts': 'export const read = 2;' },
      { 'package-lock.json': '{"lockfileVersion":3,"x":1}' },
      { 'node_modules/.package-lock.json': '{"packages":{"yaml":{}}}' },
    ] as Record<string, string>[]) {
      expect(checkerDigest(project(change)), Object.keys(change)[0]).not.toBe(base);
    }
  });

  it('ignores tests, the pages and the site modules (the check runs none of them)', () => {
    for (const change of [
      { 'src/lib/rehypeClaimMarks.test.ts': 'other test' },
      { 'src/pages/index.astro': '<p>other</p>' },
      { 'src/site/urls.ts': 'export const base = "/x/";' },
    ] as Record<string, string>[]) {
      expect(checkerDigest(project(change)), Object.keys(change)[0]).toBe(base);
    }
  });
});
