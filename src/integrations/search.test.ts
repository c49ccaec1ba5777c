import { describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../lib/referenceIndex.ts';
import { runContentCheck } from '../node/runContentCheck.ts';
import { searchRecords } from '../lib/searchRecords.ts';
import { buildSearchIndex, MAX_FRAGMENT_FILES } from './search.ts';

const reference = () => buildReferenceIndex(runContentCheck('tests/fixtures/articles').articles);
const fragments = (files: { path: string }[]) => files.filter((file) => file.path.startsWith('fragment/'));

describe('buildSearchIndex', () => {
  it('writes one fragment file per record while there are fewer records than the cap', async () => {
    const bundle = await buildSearchIndex(reference());
    expect(bundle.records).toBe(searchRecords(reference()).length);
    expect(bundle.records).toBeLessThan(MAX_FRAGMENT_FILES);
    expect(fragments(bundle.files)).toHaveLength(bundle.records);
  });

  it('bundles the fragments into at most maxFragments files when there are more records', async () => {
    const bundle = await buildSearchIndex(reference(), { maxFragments: 2 });
    expect(bundle.records).toBeGreaterThan(4);
    const files = fragments(bundle.files);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(2);
  });

  it('gives the same files on every build, though every record is sent at once', async () => {
    const digest = (bundle: Awaited<ReturnType<typeof buildSearchIndex>>) =>
      bundle.files.map((file) => `${file.path} ${Buffer.from(file.content).toString('base64')}`).sort();
    const first = await buildSearchIndex(reference());
    const second = await buildSearchIndex(reference());
    expect(digest(second)).toEqual(digest(first));
  });

  it('leaves out the ready-made interfaces and the worker the site does not use', async () => {
    const paths = (await buildSearchIndex(reference())).files.map((file) => file.path);
    expect(paths).toContain('pagefind.js');
    expect(paths.filter((path) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(path))).toEqual([]);
  });
});
