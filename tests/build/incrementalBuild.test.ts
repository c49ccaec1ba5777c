// A rebuild with the cache folder kept (Astro's experimental incremental build, keyed by the content gate's
// digest): it reuses the pages of the last build only when no article changed, and never serves a stale page.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, OUTPUT, ROOT } from '../support/buildSite.ts';
import { listFiles } from '../support/readSite.ts';

const EDITED = 'kestran-rejects-velorian-dam-claims';
const OLD_TITLE = 'Kestran Federation rejects Velorian accusations over the Halden Dam';
const NEW_TITLE = 'Kestran Federation dismisses Velorian accusations over the Halden Dam';
/** The real-article fixtures: the one to edit in a folder of its own, the others in another (buildSite takes folders). */
const EDITABLE = join(OUTPUT, 'incremental-source');
const REST = join(OUTPUT, 'incremental-rest');
const ARTICLES = [REST, EDITABLE];

let first: BuildResult;
let unchanged: BuildResult;
let edited: BuildResult;
let cold: BuildResult;

/** Whether two output folders hold the same files with the same bytes; the differing files otherwise. */
function differences(a: string, b: string): string[] {
  const files = listFiles(a).sort();
  const other = listFiles(b).sort();
  if (files.join('\n') !== other.join('\n')) return ['(not the same files)'];
  return files.filter((file) => !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
}

const restored = (build: BuildResult) => (build.output.match(/\(restored\)/g) ?? []).length;
function writeSources(title: string) {
  rmSync(EDITABLE, { recursive: true, force: true });
  mkdirSync(EDITABLE, { recursive: true });
  const source = readFileSync(join(ROOT, 'tests/fixtures/real-articles', `${EDITED}.mdx`), 'utf8');
  expect(source).toContain(`title: ${OLD_TITLE}`);
  writeFileSync(join(EDITABLE, `${EDITED}.mdx`), source.replace(`title: ${OLD_TITLE}`, `title: ${title}`));
}

/** Keeps a copy of a build's output: the next build of the same name replaces it. */
function keep(build: BuildResult, name: string): BuildResult {
  const copy = join(OUTPUT, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(build.outDir, copy, { recursive: true });
  return { ...build, outDir: copy };
}

beforeAll(async () => {
  rmSync(REST, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests/fixtures/real-articles'), REST, { recursive: true, filter: (path) => !path.endsWith(`${EDITED}.mdx`) });
  writeSources(OLD_TITLE);
  first = await buildSite({ name: 'incremental', articleDirs: ARTICLES });
  if (first.code !== 0) throw new Error(first.output);
  first = keep(first, 'incremental-first');
  unchanged = await buildSite({ name: 'incremental', articleDirs: ARTICLES, keepCache: true });
  if (unchanged.code !== 0) throw new Error(unchanged.output);
  unchanged = keep(unchanged, 'incremental-unchanged');

  writeSources(NEW_TITLE);
  edited = await buildSite({ name: 'incremental', articleDirs: ARTICLES, keepCache: true });
  if (edited.code !== 0) throw new Error(edited.output);
  cold = await buildSite({ name: 'incremental-cold', articleDirs: ARTICLES });
  if (cold.code !== 0) throw new Error(cold.output);
}, 600_000);

describe('a rebuild with the cache kept', () => {
  it('reuses every article, party and data page when nothing changed, with the same bytes', () => {
    expect(first.output).not.toContain('(restored)');
    // Every article's page, data and image, and every party's pages; the indexes and the home page are always rendered (cheap).
    const pages = listFiles(first.outDir).filter(
      (file) =>
        /^(articles|parties|social)\/.+\.(html|json|png)$/.test(file) && !/^(articles|parties)\/(index\.(html|json)|page\/)/.test(file),
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(restored(unchanged)).toBe(pages.length);
    // Each article's text is rendered once, by the content check, then kept in the cache folder, where the loader takes it.
    const articles = listFiles(first.outDir).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file)).length;
    expect(first.output).toContain(`[standpoint:content-check] ${articles} article bodies rendered on 1 thread`);
    expect(unchanged.output).toContain('[standpoint:content-check] 0 article bodies rendered on 1 thread');
    for (const build of [first, unchanged])
      expect(build.output).toContain(`[standpoint:articles] 0 rendered, ${articles} taken from the cache folder`);
    // The search indexes too: the same records as the build before.
    expect(first.output).toMatch(/\[standpoint:search\] indexed: /);
    expect(unchanged.output).toMatch(/\[standpoint:search\] copied from the cache/);
    expect(differences(first.outDir, unchanged.outDir)).toEqual([]);
  });

  it('renders every page again when one article changed but the other articles’ social cards, and gives what a clean build gives', () => {
    // Each card's text is its cache key: the other articles' cards are restored (as many as Astro says it restored),
    // the edited article's is drawn again, with its new title (the same bytes as a clean build's, below).
    const cards = listFiles(first.outDir).filter((file) => /^social\/.+\.png$/.test(file));
    expect(cards.length).toBeGreaterThanOrEqual(4);
    expect(restored(edited)).toBe(cards.length - 1);
    const card = `social/${EDITED}.png`;
    expect(readFileSync(join(edited.outDir, card)).equals(readFileSync(join(first.outDir, card)))).toBe(false);
    // Only the edited article's text is rendered again.
    expect(edited.output).toContain('[standpoint:content-check] 1 article body rendered on 1 thread');
    expect(edited.output).toMatch(/\[standpoint:articles\] 0 rendered, [1-9]\d* taken from the cache folder/);
    expect(edited.output).toMatch(/\[standpoint:search\] indexed: /);
    expect(differences(cold.outDir, edited.outDir)).toEqual([]);
    for (const page of [`articles/${EDITED}/index.html`, 'index.html', 'parties/kestran-federation/index.html']) {
      const html = readFileSync(join(edited.outDir, page), 'utf8');
      expect(html, page).toContain(NEW_TITLE);
      expect(html, page).not.toContain(OLD_TITLE);
    }
    // The article that the edited one answers names it by its new title too.
    const answered = readFileSync(join(edited.outDir, 'articles/veloria-accuses-kestran-of-dam-diversion/index.html'), 'utf8');
    expect(answered).toContain(NEW_TITLE);
  });

  it('keeps one rendered body per article in the cache folder, none in Astro’s content store (which goes into the bundle)', () => {
    const cache = join(OUTPUT, 'incremental', 'cache');
    const articles = listFiles(edited.outDir).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file)).length;
    // The edited article's old body is gone: one file per article.
    const bodies = readdirSync(join(cache, 'article-html'));
    expect(bodies).toHaveLength(articles);
    const body = readFileSync(join(cache, 'article-html', bodies[0]!), 'utf8');
    expect(body.length).toBeGreaterThan(100);
    const page = listFiles(edited.outDir)
      .filter((file) => /^articles\/[^/]+\/index\.html$/.test(file))
      .map((file) => readFileSync(join(edited.outDir, file), 'utf8'));
    expect(page.filter((html) => html.includes(body))).toHaveLength(1);
    const store = readFileSync(join(cache, 'data-store.json'), 'utf8');
    expect(store).not.toContain(body.slice(0, 60));
    expect(store.length).toBeLessThan(10_000);
  });
});
