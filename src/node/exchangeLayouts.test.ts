import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readArticleSources } from './articleFiles.ts';
import { articleExchange, partyExchange } from '../lib/exchangeMap.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../lib/referenceIndex.ts';
import { sitePaths } from '../lib/urls.ts';
import { checkArticles } from '../lib/checkArticles.ts';
import { cachedLayout, layoutCounts, prepareExchangeLayouts, useLayoutCache } from './exchangeLayouts.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const STORE = Symbol.for('standpoint.exchangeLayouts');
const paths = sitePaths('/base/');
let index: ReferenceIndex;
let cacheDir: string;

/** A new build in the same process: no layouts in memory, no worker. */
function freshService() {
  const state = (globalThis as Record<symbol, { worker?: { terminate(): unknown } } | undefined>)[STORE];
  state?.worker?.terminate();
  delete (globalThis as Record<symbol, unknown>)[STORE];
}

beforeAll(() => {
  const sources = ['content/articles', 'tests/fixtures/real-articles'].flatMap((dir) => readArticleSources(dir, ROOT).sources);
  const { articles, issues } = checkArticles(sources);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  index = buildReferenceIndex(articles);
  cacheDir = mkdtempSync(join(tmpdir(), 'standpoint-layouts-'));
});
beforeEach(freshService);
afterAll(() => {
  freshService();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Every map a build draws, laid out in this thread without any cache: what the other ways must equal. */
const inProcess = () =>
  Promise.all([
    ...index.articles.map((article) => articleExchange(article, paths)),
    ...index.parties.map((party) => partyExchange(party.claims, index.articleBySlug, paths)),
  ]);
const throughService = () =>
  Promise.all([
    ...index.articles.map((article) => articleExchange(article, paths, { layout: cachedLayout })),
    ...index.parties.map((party) => partyExchange(party.claims, index.articleBySlug, paths, { layout: cachedLayout })),
  ]);

describe('exchange-map layouts in a build', { timeout: 60_000 }, () => {
  it('lays every map out on a worker thread, and the maps equal those laid out in this thread', async () => {
    const expected = await inProcess();
    expect(expected.some((map) => map.edges.length > 0)).toBe(true);
    prepareExchangeLayouts(index);
    expect((globalThis as Record<symbol, { worker?: unknown }>)[STORE]?.worker).toBeDefined();
    const maps = await throughService();
    expect(maps).toEqual(expected);
    // Asked for twice (prepared, then drawn): laid out once each.
    const { laidOut, cached } = layoutCounts();
    expect(cached).toBe(0);
    expect(laidOut).toBeGreaterThan(0);
    expect(laidOut).toBeLessThanOrEqual(expected.length);
  });

  it('keeps each layout on disk, and a later build draws the same maps from the cache alone', async () => {
    useLayoutCache(cacheDir);
    const first = await throughService();
    const written = readdirSync(join(cacheDir, 'exchange-maps'));
    expect(written.length).toBe(layoutCounts().laidOut);
    expect(written.every((file) => /^[0-9a-f]{64}\.json$/.test(file))).toBe(true);

    freshService();
    useLayoutCache(cacheDir);
    const second = await throughService();
    expect(second).toEqual(first);
    expect(layoutCounts()).toEqual({ laidOut: 0, cached: written.length });
    expect(second).toEqual(await inProcess());
  });
});
