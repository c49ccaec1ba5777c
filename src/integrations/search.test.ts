import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../lib/referenceIndex.ts';
import { runContentCheck } from '../node/runContentCheck.ts';
import { buildSearchIndex, type SearchBundle, writeSearchBundle } from './search.ts';

const reference = () => buildReferenceIndex(runContentCheck('tests/fixtures/articles').articles);
/** The folders Pagefind wrote, removed after the tests. */
const written: string[] = [];
const build = async (options?: { maxFragments?: number; cacheDir?: string }, from = reference()) => {
  const bundle = await buildSearchIndex(from, options);
  if (!bundle.cached) written.push(bundle.dir);
  return bundle;
};
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});
const fragments = (bundle: SearchBundle) => bundle.files.filter((path) => path.startsWith('fragment/'));
const contents = (bundle: SearchBundle) => bundle.files.map((file) => `${file} ${readFileSync(join(bundle.dir, file), 'base64')}`);

describe('buildSearchIndex', () => {
  it('builds one index of the records (articles with their claims, parties) with the facets’ filters', async () => {
    const bundle = await build();
    // One record per article and per party (none per claim).
    expect(bundle.records).toBe(reference().articles.length + reference().parties.length);
    // One fragment file per record while there are fewer records than the cap.
    expect(fragments(bundle)).toHaveLength(bundle.records);
    expect(bundle.files.some((path) => path.startsWith('filter/'))).toBe(true);
  });

  it('bundles the fragments into at most maxFragments files when there are more records', async () => {
    const bundle = await build({ maxFragments: 2 });
    expect(bundle.records).toBeGreaterThan(2);
    expect(fragments(bundle).length).toBeGreaterThan(0);
    expect(fragments(bundle).length).toBeLessThanOrEqual(2);
  });

  it('gives the same files on every build, though hundreds of records are on their way at a time', async () => {
    const first = await build();
    const second = await build();
    expect(contents(second)).toEqual(contents(first));
    expect(second.dir).not.toBe(first.dir);
  });

  it('keeps the index in the cache folder, and copies it from there when the records are the same', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'standpoint-search-cache-'));
    written.push(cacheDir);
    const first = await build({ cacheDir });
    expect(first.cached).toBe(false);
    const again = await build({ cacheDir });
    expect(again.cached).toBe(true);
    expect(again.records).toBe(first.records);
    expect(contents(again)).toEqual(contents(first));
    // One claim's summary changed: other records, so the index is built again (and replaces the one kept).
    const changed = reference();
    const claim = changed.articles[0]!.claims[0]!;
    changed.articles[0]!.claims[0] = { ...claim, claim: { ...claim.claim, summary: `${claim.claim.summary} (edited)` } };
    const edited = await build({ cacheDir }, changed);
    expect(edited.cached).toBe(false);
    expect(contents(edited)).not.toEqual(contents(first));
    expect((await build({ cacheDir }, changed)).cached).toBe(true);
    expect((await build({ cacheDir })).cached).toBe(false);
    // Another option: other files, so another key.
    expect((await build({ cacheDir, maxFragments: 2 })).cached).toBe(false);
    expect((await build({ cacheDir, maxFragments: 2 })).cached).toBe(true);
  });

  it('links the kept index into the site instead of copying it, and writing it again over itself loses nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'standpoint-search-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'standpoint-search-site-'));
    written.push(cacheDir, outDir);
    const site = (bundle: SearchBundle) =>
      bundle.files.map((file) => join(outDir, file)).map((path) => `${path} ${readFileSync(path, 'base64')}`);
    // A first build moves its files into the site; the cache keeps links to them.
    const first = await build({ cacheDir });
    const stats = writeSearchBundle(first, outDir);
    expect(stats).toMatchObject({ records: first.records, files: first.files.length });
    expect(stats.bytes).toBeGreaterThan(0);
    const built = site(first);
    const kept = await build({ cacheDir });
    expect(kept.cached).toBe(true);
    const file = kept.files.find((path) => path.startsWith('fragment/'))!;
    const inSite = join(outDir, file);
    const inCache = join(kept.dir, file);
    expect(statSync(inSite).ino).toBe(statSync(inCache).ino);
    // The site's copy replaced by another file (an older build's): a rebuild from the cache links the kept one in its
    // place, and writes nothing through into the file that was there.
    rmSync(inSite);
    writeFileSync(inSite, 'an older build');
    const older = statSync(inSite).ino;
    writeSearchBundle(kept, outDir);
    writeSearchBundle(kept, outDir);
    expect(statSync(inSite).ino).toBe(statSync(inCache).ino);
    expect(statSync(inSite).ino).not.toBe(older);
    expect(site(kept)).toEqual(built);
  });

  it('ships pagefind.js and its WebAssembly, and neither the ready-made interfaces nor the worker', async () => {
    const bundle = await build();
    expect(bundle.files).toContain('pagefind.js');
    expect(bundle.files).toContain('wasm.en.pagefind');
    expect(bundle.files.filter((path) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(path))).toEqual([]);
  });
});
