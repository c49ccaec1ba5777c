// A site of a few hundred generated articles that all name one party: every page stays bounded, and
// every page of every paginated list is linked and resolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import { readArticleSources } from '../../src/node/articleFiles.ts';
import { CLAIMS_PER_PARTY_PAGE } from '../../src/lib/partyPages.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../../src/lib/referenceIndex.ts';
import { checkArticles } from '../../src/lib/checkArticles.ts';
import { type BuildResult, buildSite, OUTPUT } from '../support/buildSite.ts';
import { type BuiltPage, listFiles, readBuiltSite, select, selectAll } from '../support/readSite.ts';
import { pageWeight } from '../../src/node/pageWeight.ts';

const ARTICLES = 300;
/** Every HTML page, gzipped, at most this: the bound the site keeps at any number of articles. */
const PAGE_BOUND = 60 * 1024;
/** An article page's HTML and CSS, gzipped, fit the first round trip: the budget of 14,600 bytes. */
const FIRST_ROUND_TRIP = 14_600;

let build: BuildResult;
let pages: Map<string, BuiltPage>;
let index: ReferenceIndex;

beforeAll(async () => {
  const corpus = writeCorpus(ARTICLES, join(OUTPUT, 'many-corpus'));
  build = await buildSite({ name: 'many', articleDirs: [corpus.standpoint] });
  if (build.code !== 0) throw new Error(build.output);
  pages = readBuiltSite(build.outDir);
  index = buildReferenceIndex(checkArticles(readArticleSources(corpus.standpoint).sources).articles);
}, 600_000);

const gzipped = (file: string) => gzipSync(readFileSync(join(build.outDir, file))).length;

describe(`a site of ${ARTICLES} articles that share one party`, () => {
  it('has a party named in (nearly) every article, whose claims run over several pages', () => {
    const widest = [...index.parties].sort((a, b) => b.appearances.length - a.appearances.length)[0]!;
    expect(widest.appearances.length).toBeGreaterThanOrEqual(ARTICLES * 0.9);
    const expectedPages = Math.ceil(widest.claims.length / CLAIMS_PER_PARTY_PAGE);
    expect(expectedPages).toBeGreaterThan(5);
    for (let n = 2; n <= expectedPages; n++) expect(pages.has(`/parties/${widest.id}/${n}/`), `page ${n}`).toBe(true);
    expect(pages.has(`/parties/${widest.id}/${expectedPages + 1}/`)).toBe(false);
  });

  it(`keeps every HTML page at most ${PAGE_BOUND / 1024} KB gzipped`, () => {
    const sizes = listFiles(build.outDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ file, bytes: gzipped(file) }))
      .sort((a, b) => b.bytes - a.bytes);
    console.log(
      `largest pages (gzip): ${sizes
        .slice(0, 3)
        .map(({ file, bytes }) => `${file} ${(bytes / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    );
    expect(sizes[0]!.bytes, sizes[0]!.file).toBeLessThanOrEqual(PAGE_BOUND);
  });

  it('keeps every data file of the open data bounded too', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.json') && !f.startsWith('schemas/'))) {
      expect(gzipped(file), file).toBeLessThanOrEqual(PAGE_BOUND);
    }
  });

  it('keeps the seed article page’s HTML and CSS within the first round trip, in three requests', () => {
    // As the benchmark weighs it (`npm run weight`): gzip level 9, each file.
    const { html, css, requests } = pageWeight(build.outDir, '/articles/pakistan-rejects-taliban-interference-accusation/');
    expect(css.files).toBe(1);
    expect(html.gzip + css.gzip).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
    // The HTML, the site's one stylesheet (the claims' highlight rules are in it) and the icon.
    expect(requests).toBeLessThanOrEqual(3);
  });

  it('links every page of every paginated list, with prev/next links that resolve and the right canonical URL', () => {
    const paginated = [...pages.values()].filter((page) => select('nav.pagination', page.tree));
    expect(paginated.length).toBeGreaterThan(10);
    for (const page of paginated) {
      const canonical = String(select('link[rel="canonical"]', page.tree)!.properties.href);
      expect(new URL(canonical).pathname).toBe(page.path);
      for (const rel of ['prev', 'next']) {
        for (const link of selectAll(`link[rel="${rel}"], a[rel="${rel}"]`, page.tree)) {
          expect(pages.has(String(link.properties.href)), `${page.path} ${rel} → ${link.properties.href}`).toBe(true);
        }
      }
      for (const link of selectAll('nav.pagination a', page.tree))
        expect(pages.has(String(link.properties.href)), `${page.path} → ${link.properties.href}`).toBe(true);
    }
  });

  it('reaches every HTML page by following links (and the search form) from the home page', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const page = pages.get(queue.shift()!);
      if (!page) continue;
      for (const link of selectAll('a[href^="/"], form[action^="/"]', page.tree)) {
        const path = String(link.properties.href ?? link.properties.action).split('#')[0]!;
        if (!path.endsWith('/') || seen.has(path)) continue;
        expect(pages.has(path), `${page.path} → ${path}`).toBe(true);
        seen.add(path);
        queue.push(path);
      }
    }
    const unreached = [...pages.keys()].filter((path) => !seen.has(path) && path !== '/404.html');
    expect(unreached).toEqual([]);
  });

  it('shows the newest articles on the home page and the rest on the paginated article index', () => {
    const home = pages.get('/')!;
    expect(selectAll('#articles .articles li', home.tree).length).toBeLessThanOrEqual(20);
    const listed = [...pages.values()]
      .filter((page) => page.path === '/articles/' || page.path.startsWith('/articles/page/'))
      .flatMap((page) => selectAll('main .articles li > a', page.tree).map((a) => String(a.properties.href)));
    expect(new Set(listed).size).toBe(ARTICLES);
  });
});
