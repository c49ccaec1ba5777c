import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../lib/referenceIndex.ts';
import { runContentCheck } from '../node/runContentCheck.ts';
import { quickRecords, searchRecords } from '../lib/searchRecords.ts';
import { buildSearchIndexes, pagefindServices, type SearchBundle, type SearchBundles, writeSearchBundles } from './search.ts';

const reference = () => buildReferenceIndex(runContentCheck('tests/fixtures/articles').articles);
const paths = (bundle: SearchBundle) => bundle.files;
/** The folders Pagefind wrote, removed after the tests. */
const written: string[] = [];
const build = async (options?: { maxFragments?: number; cacheDir?: string; perPart?: number }, from = reference()) => {
  const bundles = await buildSearchIndexes(from, options);
  if (!bundles.cached) written.push(bundles.quick.dir, ...bundles.claims.map((part) => part.dir));
  return bundles;
};
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});
const fragments = (bundle: SearchBundle) => paths(bundle).filter((path) => path.startsWith('fragment/'));

describe('buildSearchIndexes', () => {
  it('builds the quick index (articles with their claims, parties) and the claims index (a record per claim)', async () => {
    const { quick, claims: parts } = await build();
    expect(parts).toHaveLength(1);
    const claims = parts[0]!;
    expect(quick.records).toBe(quickRecords(reference()).length);
    expect(claims.records).toBe(searchRecords(reference()).length);
    expect(quick.records).toBeLessThan(claims.records);
    // One fragment file per record while there are fewer records than the cap.
    expect(fragments(quick)).toHaveLength(quick.records);
    expect(fragments(claims)).toHaveLength(claims.records);
    // Only the claims index has the facets' filters.
    expect(paths(quick).some((path) => path.startsWith('filter/'))).toBe(false);
    expect(paths(claims).some((path) => path.startsWith('filter/'))).toBe(true);
  });

  it('bundles the fragments into at most maxFragments files when there are more records', async () => {
    const {
      claims: [claims],
    } = await build({ maxFragments: 2 });
    expect(claims!.records).toBeGreaterThan(4);
    expect(fragments(claims!).length).toBeGreaterThan(0);
    expect(fragments(claims!).length).toBeLessThanOrEqual(2);
  });

  it('gives the same files on every build, though hundreds of records are on their way at a time', async () => {
    const digest = (bundles: SearchBundles) =>
      [bundles.quick, ...bundles.claims].map((bundle) =>
        bundle.files.map((file) => `${file} ${readFileSync(join(bundle.dir, file)).toString('base64')}`),
      );
    const first = await build();
    const second = await build();
    expect(digest(second)).toEqual(digest(first));
    expect(second.quick.dir).not.toBe(first.quick.dir);
  });

  it('keeps the indexes in the cache folder, and copies them from there when the records are the same', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'standpoint-search-cache-'));
    written.push(cacheDir);
    const contents = (bundles: SearchBundles) =>
      [bundles.quick, ...bundles.claims].map((bundle) =>
        bundle.files.map((file) => `${file} ${readFileSync(join(bundle.dir, file), 'base64')}`),
      );
    const records = (bundles: SearchBundles) => [bundles.quick, ...bundles.claims].map((bundle) => bundle.records);
    const first = await build({ cacheDir });
    expect(first.cached).toBe(false);
    const again = await build({ cacheDir });
    expect(again.cached).toBe(true);
    expect(records(again)).toEqual(records(first));
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
    // The same records in parts: other files, so another key; kept and found again in parts.
    const parted = await build({ cacheDir, perPart: 3 });
    expect(parted.cached).toBe(false);
    const partedAgain = await build({ cacheDir, perPart: 3 });
    expect(partedAgain.cached).toBe(true);
    expect(records(partedAgain)).toEqual(records(parted));
    expect(contents(partedAgain)).toEqual(contents(parted));
  });

  it('builds a large claims index in parts of at most perPart records; the later parts borrow the first one’s script and WebAssembly', async () => {
    const whole = await build();
    const total = whole.claims[0]!.records;
    const parted = await build({ perPart: 3 });
    const sizes = parted.claims.map((part) => part.records);
    expect(sizes.length).toBe(Math.ceil(total / 3));
    expect(sizes.slice(0, -1).every((size) => size === 3)).toBe(true);
    expect(sizes.reduce((a, b) => a + b)).toBe(total);
    const [first, ...later] = parted.claims;
    expect(paths(first!)).toContain('wasm.en.pagefind');
    expect(paths(first!)).not.toContain('pagefind.js');
    for (const part of later) {
      expect(paths(part)).toContain('pagefind-entry.json');
      expect(paths(part).some((path) => path.startsWith('filter/'))).toBe(true);
      expect(paths(part).filter((path) => path === 'pagefind.js' || path.startsWith('wasm.'))).toEqual([]);
    }
    // The parts share the cap on fragment files.
    const capped = await build({ perPart: 3, maxFragments: 2 * sizes.length });
    expect(capped.claims.map((part) => fragments(part).length).every((count) => count <= 2)).toBe(true);
    const outDir = mkdtempSync(join(tmpdir(), 'standpoint-search-site-'));
    written.push(outDir);
    const stats = writeSearchBundles(parted, outDir);
    expect(stats.claims).toMatchObject({ records: total, parts: sizes.length });
    const folders = ['claims', ...sizes.slice(1).map((_, i) => `claims-${i + 2}`)];
    for (const folder of folders) expect(readFileSync(join(outDir, folder, 'pagefind-entry.json'), 'utf8')).toContain('"languages"');
  });

  it('links the kept index into the site instead of copying it, and writing it again over itself loses nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'standpoint-search-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'standpoint-search-site-'));
    written.push(cacheDir, outDir);
    const site = (bundles: SearchBundles) =>
      [
        ...bundles.quick.files.map((file) => join(outDir, file)),
        ...bundles.claims[0]!.files.map((file) => join(outDir, 'claims', file)),
      ].map((path) => `${path} ${readFileSync(path, 'base64')}`);
    // A first build moves its files into the site; the cache keeps links to them.
    const first = await build({ cacheDir });
    writeSearchBundles(first, outDir);
    const built = site(first);
    const kept = await build({ cacheDir });
    expect(kept.cached).toBe(true);
    const file = kept.claims[0]!.files.find((path) => path.startsWith('fragment/'))!;
    const inSite = join(outDir, 'claims', file);
    const inCache = join(kept.claims[0]!.dir, file);
    expect(statSync(inSite).ino).toBe(statSync(inCache).ino);
    // The site's copy replaced by another file (an older build's): a rebuild from the cache links the kept one in its
    // place, and writes nothing through into the file that was there.
    rmSync(inSite);
    writeFileSync(inSite, 'an older build');
    const older = statSync(inSite).ino;
    writeSearchBundles(kept, outDir);
    writeSearchBundles(kept, outDir);
    expect(statSync(inSite).ino).toBe(statSync(inCache).ino);
    expect(statSync(inSite).ino).not.toBe(older);
    expect(site(kept)).toEqual(built);
  });

  it('ships one pagefind.js (the quick index’s), and neither the ready-made interfaces nor the worker', async () => {
    const {
      quick,
      claims: [claims],
    } = await build();
    expect(paths(quick)).toContain('pagefind.js');
    expect(paths(claims!)).not.toContain('pagefind.js');
    // Each index has the WebAssembly beside its entry file: a Pagefind instance loads it from its own folder.
    expect(paths(quick)).toContain('wasm.en.pagefind');
    expect(paths(claims!)).toContain('wasm.en.pagefind');
    for (const bundle of [quick, claims!]) {
      expect(paths(bundle).filter((path) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(path))).toEqual([]);
    }
  });
});

describe('pagefindServices', () => {
  it('gives one Pagefind module instance (one process) per index, up to the cores, each able to index', async () => {
    const services = await pagefindServices(2);
    expect(services).toHaveLength(Math.min(2, availableParallelism()));
    expect(new Set(services).size).toBe(services.length);
    expect(await pagefindServices(1)).toHaveLength(1);
    try {
      for (const service of services) {
        const { index, errors } = await service.createIndex({ forceLanguage: 'en' });
        expect(errors).toEqual([]);
        expect((await index!.addCustomRecord({ url: '/a/', content: 'a word', language: 'en' })).errors).toEqual([]);
        await index!.deleteIndex();
      }
    } finally {
      await Promise.all(services.map((service) => service.close()));
    }
  });
});
