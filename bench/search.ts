// Measures search: the Pagefind index Standpoint builds (time and size) at each corpus size, and what a
// reader's browser fetches for a first query at the largest size, against Starlight's search (Pagefind's
// default UI over every HTML page) on the same corpus.
//
// Usage: npm run bench:search [-- --sizes 1,1000] [--no-starlight] [--query word] [--query-only]
//
// 1. Index: for each size, a corpus from bench/corpus.ts, checked and indexed the way the build does it
//    (content check → reference index → src/integrations/search.ts buildSearchIndex: one record per article,
//    its claims inside it, and per party), timed alone in this process, written to bench/.work/search/index-<n>/. Size: every file
//    Pagefind writes that the site keeps, and the index files alone (index/, fragment/, filter/, the .pf_meta).
// 2. First query, at the largest size: Standpoint built whole (`astro build`), and Starlight (bench/starlight)
//    on the same bodies; each served on 127.0.0.1 and opened in Chromium: Standpoint's /search/?q=<word>,
//    Starlight's seed article page with its search dialog opened and the word typed. Counted: every response
//    that ended before the first result showed (the page's and its workers'; raw bytes, and gzip -9 of each body, what a
//    compressing host sends), those under pagefind/ alone, the requests, and the time from navigation to the
//    first result; for Standpoint also once the reader has opened its facets and they have loaded with their
//    counts (the index's filters).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { runContentCheck } from '../src/node/runContentCheck.ts';
import { buildReferenceIndex } from '../src/lib/referenceIndex.ts';
import { buildSearchIndex, writeSearchBundle } from '../src/integrations/search.ts';
import { withBuildLock } from '../tests/support/buildSite.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { serveStatic } from '../tests/support/serveStatic.ts';
import { bench, kb, log, root, table, work } from './common.ts';
import { SEED_SLUG, writeCorpus } from './corpus.ts';
import { envFor } from '../src/node/env.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (option('--sizes') ?? '1,1000').split(',').map(Number);
const largest = Math.max(...sizes);
const withStarlight = !args.includes('--no-starlight');
/** A word of the seed article's text and claims, so both sites have results. */
const query = option('--query') ?? 'sacrifice';
const out = join(work, 'search');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
const sizeOf = (dir: string, keep: (file: string) => boolean = () => true) =>
  files(dir)
    .filter(keep)
    .reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
const isIndexFile = (file: string) => /^(index|fragment|filter)\//.test(file) || file.endsWith('.pf_meta');

interface IndexRow {
  site: string;
  size: number;
  ms: number;
  records: string;
  total: number;
  index: number;
}

/** Runs a command to its end; its output goes to a log file, and its last lines to the error if it fails. */
function run(command: string, commandArgs: string[], cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${commandArgs.join(' ')} failed:\n${output.slice(-3000)}`)),
    );
  });
}

async function indexStandpoint(size: number): Promise<IndexRow> {
  const corpus = writeCorpus(size, join(out, `corpus-${size}`));
  const checked = runContentCheck(corpus.standpoint, root);
  if (checked.issues.some((issue) => issue.severity === 'error')) throw new Error(`corpus ${size} has errors`);
  const dir = join(out, `index-${size}`);
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const reference = buildReferenceIndex(checked.articles);
  const stats = writeSearchBundle(await buildSearchIndex(reference), dir);
  const ms = performance.now() - started;
  return {
    site: 'Standpoint (articles with their claims, parties)',
    size,
    ms,
    records: `${stats.records} records, ${files(dir).length} files`,
    total: sizeOf(dir),
    index: sizeOf(dir, isIndexFile),
  };
}

async function buildStandpoint(size: number): Promise<string> {
  const dist = join(out, `standpoint-${size}`);
  rmSync(dist, { recursive: true, force: true });
  // Cold: the cache would hand the last build's index over instead of building it.
  rmSync(join(out, `cache-standpoint-${size}`), { recursive: true, force: true });
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  // Astro writes .astro/ in the checkout whatever the cache folder: take turns with the test suite's builds.
  const output = await withBuildLock(() =>
    run(process.execPath, [astro, 'build', '--outDir', dist], root, {
      ...envFor({ articlesDir: join(out, `corpus-${size}`, 'standpoint'), cacheDir: join(out, `cache-standpoint-${size}`) }),
    }),
  );
  log(
    output
      .split('\n')
      .find((line) => line.includes('[standpoint:search]'))
      ?.trim() ?? 'no search line in the build log',
  );
  return dist;
}

async function buildStarlight(size: number): Promise<{ dist: string; row: IndexRow }> {
  const cwd = join(bench, 'starlight');
  if (!existsSync(join(cwd, 'node_modules'))) await run('npm', ['ci', '--no-audit', '--no-fund'], cwd, {});
  const dist = join(out, `starlight-${size}`);
  rmSync(dist, { recursive: true, force: true });
  const output = await run(process.execPath, [join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], cwd, {
    BENCH_ARTICLES: join(out, `corpus-${size}`, 'plain'),
    BENCH_CACHE_DIR: join(out, `cache-starlight-${size}`),
  });
  const finished = /Finished building search index in ([\d.]+)(ms|s)/.exec(output);
  const ms = finished ? Number(finished[1]) * (finished[2] === 's' ? 1000 : 1) : NaN;
  const pages = /Found (\d+) HTML files/.exec(output)?.[1] ?? '?';
  const pagefind = join(dist, 'pagefind');
  return {
    dist,
    row: {
      site: 'Starlight (every HTML page, its log’s time)',
      size,
      ms,
      records: `${pages} pages`,
      total: sizeOf(pagefind),
      index: sizeOf(pagefind, isIndexFile),
    },
  };
}

interface QueryRow {
  site: string;
  requests: number;
  raw: number;
  gzip: number;
  pagefindRaw: number;
  pagefindRequests: number;
  firstResultMs: number;
  results: string;
}

/**
 * Opens a page in a fresh context and runs `search`. The page notes (performance.now()) when `first` shows;
 * Playwright's request timing then tells which responses had ended by then. Counted: those (the first result), and
 * every response once `then` holds (Standpoint's facets with counts, loaded after the first results).
 */
async function measure(
  site: string,
  start: string,
  first: string,
  search: (page: Page) => Promise<string>,
  then?: { label: string; wait: (page: Page) => Promise<void> },
): Promise<QueryRow[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((selector) => {
      const seen = () => {
        if (!document.querySelector(selector)) return false;
        (window as unknown as { __first: number }).__first = performance.now();
        return true;
      };
      new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
    }, first);
    const page = await context.newPage();
    // Every request of the page and of any worker it starts (Starlight's Pagefind searches in a web worker,
    // whose requests the page's Resource Timing does not list), with when it ended (epoch ms).
    const finished: Promise<{ url: string; end: number; bytes: Buffer }>[] = [];
    context.on('requestfinished', (request) =>
      finished.push(
        (async () => {
          const response = await request.response();
          const bytes = (await response?.body().catch(() => undefined)) ?? Buffer.alloc(0);
          const timing = request.timing();
          return { url: request.url(), end: timing.startTime + timing.responseEnd, bytes };
        })(),
      ),
    );
    await page.goto(start);
    const results = await search(page);
    const row = async (label: string, untilFirst: boolean): Promise<QueryRow> => {
      const timing = await page.evaluate(() => ({
        origin: performance.timeOrigin,
        first: (window as unknown as { __first: number }).__first,
        now: performance.now(),
      }));
      const until = untilFirst ? timing.first : timing.now;
      const fetched = (await Promise.all(finished)).filter((entry) => entry.end <= timing.origin + until);
      const pagefind = fetched.filter(({ url }) => new URL(url).pathname.includes('/pagefind/'));
      return {
        site: label,
        requests: fetched.length,
        raw: fetched.reduce((sum, { bytes }) => sum + bytes.length, 0),
        gzip: fetched.reduce((sum, { bytes }) => sum + gzipSync(bytes, { level: 9 }).length, 0),
        pagefindRaw: pagefind.reduce((sum, { bytes }) => sum + bytes.length, 0),
        pagefindRequests: pagefind.length,
        firstResultMs: until,
        results,
      };
    };
    if (!then) return [await row(site, true)];
    await then.wait(page);
    await page.waitForLoadState('networkidle');
    return [await row(site, true), await row(then.label, false)];
  } finally {
    await browser.close();
  }
}

async function firstQueryStandpoint(dist: string): Promise<QueryRow[]> {
  const server = await serveStatic(dist);
  try {
    return await measure(
      'Standpoint /search/?q=, first result',
      `${server.url}search/?q=${encodeURIComponent(query)}`,
      '#search-results > li',
      async (page) => {
        await page.locator('#search-results > li').first().waitFor({ timeout: 30_000 });
        return (await page.locator('#search-status').textContent()) ?? '';
      },
      {
        label: 'Standpoint, then the reader opens the facets (filters, counts)',
        wait: async (page) => {
          await page.locator('[data-facets-open]').click();
          await page.locator('fieldset[data-facet="kind"] input').first().waitFor({ timeout: 30_000 });
        },
      },
    );
  } finally {
    await server.close();
  }
}

async function firstQueryStarlight(dist: string): Promise<QueryRow[]> {
  const server = await serveStatic(dist);
  try {
    return await measure('Starlight search dialog', `${server.url}articles/${SEED_SLUG}/`, '.pagefind-ui__result-link', async (page) => {
      await page.locator('button[data-open-modal]:not([disabled])').click();
      await page.locator('#starlight__search input').waitFor({ timeout: 30_000 });
      await page.locator('#starlight__search input').fill(query);
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 30_000 });
      return (await page.locator('.pagefind-ui__message').textContent()) ?? '';
    });
  } finally {
    await server.close();
  }
}

const rows: IndexRow[] = [];
for (const size of sizes) {
  log(`indexing ${size} articles`);
  rows.push(await indexStandpoint(size));
}
let starlightDist: string | undefined;
if (args.includes('--query-only')) {
  // Only the first query, on the builds an earlier run left (bench/.work/search/standpoint-<n>, starlight-<n>).
  const queries = await firstQueryStandpoint(join(out, `standpoint-${largest}`));
  if (withStarlight) queries.push(...(await firstQueryStarlight(join(out, `starlight-${largest}`))));
  printQueries(queries);
  process.exit(0);
}
if (withStarlight) {
  for (const size of sizes) {
    log(`building Starlight at ${size} articles`);
    const built = await buildStarlight(size);
    rows.push(built.row);
    if (size === largest) starlightDist = built.dist;
  }
}
log(`building Standpoint at ${largest} articles`);
const standpointDist = await buildStandpoint(largest);
const queries = await firstQueryStandpoint(standpointDist);
if (starlightDist) queries.push(...(await firstQueryStarlight(starlightDist)));

console.log(`\n## Search index (${new Date().toISOString().slice(0, 10)})\n`);
console.log(
  table(
    ['site', 'articles', 'indexed', 'index build', 'bundle (all files kept)', 'index files alone'],
    rows.map((row) => [row.site, String(row.size), row.records, `${(row.ms / 1000).toFixed(2)} s`, kb(row.total), kb(row.index)]),
  ),
);
printQueries(queries);

function printQueries(queries: QueryRow[]): void {
  console.log(`\n## First query “${query}” at ${largest} articles (from navigation, one run each)\n`);
  console.log(
    table(
      ['site', 'requests', 'bytes (raw)', 'bytes (gzip -9 per body)', 'of which pagefind/ (raw, requests)', 'time', 'says'],
      queries.map((row) => [
        row.site,
        String(row.requests),
        kb(row.raw),
        kb(row.gzip),
        `${kb(row.pagefindRaw)} (${row.pagefindRequests})`,
        `${Math.round(row.firstResultMs)} ms`,
        row.results.trim(),
      ]),
    ),
  );
}
