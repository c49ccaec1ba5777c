import { describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../lib/referenceIndex.ts';
import { runContentCheck } from '../node/runContentCheck.ts';
import { quickRecords, searchRecords } from '../lib/searchRecords.ts';
import { buildSearchIndexes, type SearchBundle, type SearchBundles } from './search.ts';

const reference = () => buildReferenceIndex(runContentCheck('tests/fixtures/articles').articles);
const paths = (bundle: SearchBundle) => bundle.files.map((file) => file.path);
const fragments = (bundle: SearchBundle) => paths(bundle).filter((path) => path.startsWith('fragment/'));

describe('buildSearchIndexes', () => {
  it('builds the quick index (articles with their claims, parties) and the claims index (a record per claim)', async () => {
    const { quick, claims } = await buildSearchIndexes(reference());
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
    const { claims } = await buildSearchIndexes(reference(), { maxFragments: 2 });
    expect(claims.records).toBeGreaterThan(4);
    expect(fragments(claims).length).toBeGreaterThan(0);
    expect(fragments(claims).length).toBeLessThanOrEqual(2);
  });

  it('gives the same files on every build, though every record is sent at once', async () => {
    const digest = (bundles: SearchBundles) =>
      [bundles.quick, bundles.claims].map((bundle) =>
        bundle.files.map((file) => `${file.path} ${Buffer.from(file.content).toString('base64')}`).sort(),
      );
    const first = await buildSearchIndexes(reference());
    const second = await buildSearchIndexes(reference());
    expect(digest(second)).toEqual(digest(first));
  });

  it('ships one pagefind.js (the quick index’s), and neither the ready-made interfaces nor the worker', async () => {
    const { quick, claims } = await buildSearchIndexes(reference());
    expect(paths(quick)).toContain('pagefind.js');
    expect(paths(claims)).not.toContain('pagefind.js');
    // Each index has the WebAssembly beside its entry file: a Pagefind instance loads it from its own folder.
    expect(paths(quick)).toContain('wasm.en.pagefind');
    expect(paths(claims)).toContain('wasm.en.pagefind');
    for (const bundle of [quick, claims]) {
      expect(paths(bundle).filter((path) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(path))).toEqual([]);
    }
  });
});
