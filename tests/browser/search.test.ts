// Search in real Chromium, on the fixture site built under a sub-path: Pagefind's index under the base path,
// a claim found by a word of its quote and its link landing on the claim, every facet, the query in the
// address, keyboard only, hostile queries, the strict policy of /search/, no JavaScript, and axe.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHeaderValue, cspMetaValue } from '../../src/lib/securityPolicy.ts';
import { browserAvailable, launchBrowser, openContext, type ColorScheme } from '../support/browser.ts';
import { type BuildResult, buildSite, FIXTURE_SITE } from '../support/buildSite.ts';
import { listFiles, readBuiltSite, select, selectAll } from '../support/readSite.ts';
import { serveStatic, type StaticSite } from '../support/serveStatic.ts';
import { envFor } from '../../src/node/env.ts';

const BASE = '/deep/sub-path/';
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** A word of one claim's quote (and of its article's text), in no other claim. */
const WORD = 'telephone';
const CLAIM = 'articles/veloria-accuses-kestran-of-dam-diversion/#claim-kestran-says-commission-was-informed';

let build: BuildResult;

describe.runIf(browserAvailable())(`search, built under ${BASE}`, () => {
  const session = {} as { browser: Awaited<ReturnType<typeof launchBrowser>>; site: StaticSite; strict: StaticSite };

  beforeAll(async () => {
    build = await buildSite({ ...FIXTURE_SITE, name: 'search', env: envFor({ basePath: BASE, siteUrl: 'https://standpoint.example' }) });
    if (build.code !== 0) throw new Error(build.output);
    // `strict` sends the search page's policy as a header too, as Netlify and Cloudflare would from _headers.
    [session.browser, session.site, session.strict] = await Promise.all([
      launchBrowser(),
      serveStatic(build.outDir, BASE),
      serveStatic(build.outDir, BASE, { 'Content-Security-Policy': cspHeaderValue('search') }),
    ]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
    await session.strict?.close();
  });

  /** Problems a reader never sees but must not happen: console errors, uncaught errors, CSP violations, failed requests. */
  async function openSearch(
    query = '',
    {
      width = 1280,
      scheme = 'light',
      site = session.site,
      bypassCSP = false,
    }: { width?: number; scheme?: ColorScheme; site?: StaticSite; bypassCSP?: boolean } = {},
  ) {
    const context = await openContext(session.browser, width, scheme, { bypassCSP });
    await context.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${response.status()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${site.url}search/${query}`);
    await settled(page);
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    return { page, problems, violations };
  }

  /** Waits until the page says something other than that it is loading, and no search is pending. */
  async function settled(page: Page): Promise<string> {
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(/^(?!Loading)./);
    await page.waitForTimeout(50);
    return (await page.locator('#search-status').textContent())!;
  }

  const resultLinks = (page: Page) =>
    page.locator('#search-results > li h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  /** The count of records (articles and parties) a search found, from the status. */
  const foundIn = (status: string) => Number(/^Found in (\d+) (?:article or party|articles and parties)/.exec(status)?.[1] ?? 0);
  /** Opens the facets (which loads the index's filters) and waits for their values. */
  async function openFacets(page: Page): Promise<void> {
    await page.locator('[data-facets-open]').click();
    await page.locator('fieldset[data-facet="type"] input').first().waitFor();
    await settled(page);
  }

  it('writes Pagefind’s index under the base path, without its ready-made interfaces, and serves it there', async () => {
    const files = listFiles(build.outDir).filter((file) => file.startsWith('pagefind/'));
    expect(files.some((file) => file.endsWith('.pf_meta'))).toBe(true);
    expect(files.some((file) => file.startsWith('pagefind/filter/'))).toBe(true);
    expect(files.filter((file) => /pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(file))).toEqual([]);
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind']) {
      expect(files).toContain(file);
      expect((await fetch(`${session.site.url}${file}`)).status, file).toBe(200);
    }
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en']);
    // One index: no folder of another inside it.
    expect(files.filter((file) => file.split('/').length > 2 && !/^pagefind\/(fragment|index|filter)\//.test(file))).toEqual([]);
  });

  it('gives /search/ alone the search policy, in its meta tag and in _headers, and keeps every other page without script', () => {
    const pages = readBuiltSite(build.outDir, BASE);
    for (const [path, page] of pages) {
      const policy = path === `${BASE}search/` ? 'search' : 'site';
      expect(select('meta[http-equiv="content-security-policy"]', page.tree)?.properties.content, path).toBe(cspMetaValue(policy));
      const scripts = selectAll('script', page.tree).filter((el) => el.properties.type !== 'application/ld+json');
      expect(scripts.length, path).toBe(policy === 'search' ? 1 : 0);
      // The header's search box, a plain GET form to /search/.
      const form = select('header form[role="search"]', page.tree)!;
      expect([form.properties.action, form.properties.method], path).toEqual([`${BASE}search/`, 'get']);
    }
    expect(cspMetaValue('search')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(cspMetaValue('search')).toContain("connect-src 'self'");
    expect(cspMetaValue('search')).not.toContain('unsafe-inline');
    expect(cspMetaValue()).toContain("script-src 'none'");
    const headers = readFileSync(join(build.outDir, '_headers'), 'utf8');
    expect(headers).toContain(`${BASE}search/\n  ! Content-Security-Policy\n  Content-Security-Policy: ${cspHeaderValue('search')}\n`);
  });

  it('lists the claim whose quote has the word first, with its number, kind, parties and the word marked, and its link lands on the claim', async () => {
    const { page, problems, violations } = await openSearch(`?q=${WORD}`);
    // Found in one article, whose claim with the word is a result of its own.
    expect(await settled(page)).toMatch(/^Found in \d+ (article or party|articles and parties) for “telephone”\.$/);
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('h3 a').getAttribute('href')).toBe(BASE + CLAIM);
    expect(await first.locator('.result-kicker').textContent()).toMatch(/^Claim \d+ · \S+ · in Veloria accuses/);
    expect(await first.locator('.result-facts').textContent()).toMatch(/^By .+ · about .+$/);
    expect(await first.locator('blockquote mark').allTextContents()).toEqual([WORD]);
    // Articles are results too.
    expect(await resultLinks(page)).toContain(`${session.site.url}articles/veloria-accuses-kestran-of-dam-diversion/`);

    await first.locator('h3 a').click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(session.site.url + CLAIM);
    expect(await page.locator(new URL(page.url()).hash).evaluate((el) => el.matches(':target') && el.tagName === 'LI')).toBe(true);
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('finds parties too', async () => {
    const { page } = await openSearch('?q=Kestran&type=party');
    expect(await resultLinks(page)).toContain(`${session.site.url}parties/kestran-federation/`);
    expect(
      await page.locator('#search-results > li').evaluateAll((items) => items.every((li) => li.classList.contains('result-party'))),
    ).toBe(true);
    await page.context().close();
  });

  it('shows the same results with the facets open, and loads the filters only then', async () => {
    const { page, problems } = await openSearch(`?q=gates`);
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    const status = await settled(page);
    expect(foundIn(status)).toBeGreaterThan(0);
    const closed = await resultLinks(page);
    expect(closed.some((href) => href.includes('#claim-'))).toBe(true);
    expect((await fetched()).some((path) => path.includes('/pagefind/'))).toBe(true);
    expect((await fetched()).filter((path) => path.includes('/pagefind/filter/'))).toEqual([]);
    expect(await page.locator('fieldset[data-facet]:not([hidden])').count()).toBe(0);
    expect(await page.locator('[data-facets-hint]').isVisible()).toBe(false);
    await openFacets(page);
    expect((await fetched()).some((path) => path.includes('/pagefind/filter/'))).toBe(true);
    expect(await page.locator('[data-facets-open]').isVisible()).toBe(false);
    expect(await page.locator('[data-facets-hint]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facets-heading');
    expect(await settled(page)).toBe(status);
    expect(await resultLinks(page)).toEqual(closed);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('narrows the results by each facet, with the counts it shows, and keeps the filter in the address', async () => {
    const { page, problems } = await openSearch('?q=Halden');
    await openFacets(page);
    const all = foundIn(await settled(page));
    expect(all).toBeGreaterThan(3);
    /**
     * How each facet's value shows on a result, read from its text. A claim names its party, kind and
     * article; a party result is the party itself; an article is filtered by its claims (unit-tested), and shown
     * when its own text holds the words or none of its claims holds the filters (`articleResults`).
     */
    type Item = { cls: string; title: string; kicker: string; facts: string; href: string };
    const is = (item: Item, type: string) => item.cls.includes(`result-${type}`);
    const holds: Record<string, (item: Item, value: string) => boolean> = {
      type: (item, value) => is(item, value),
      by: (item, value) =>
        is(item, 'claim')
          ? item.facts.startsWith(`By ${value}`) || item.facts.includes(`(for ${value})`)
          : is(item, 'party')
            ? item.title === value
            : is(item, 'article'),
      about: (item, value) =>
        is(item, 'claim')
          ? item.facts.split(' · about ')[1]!.includes(value)
          : is(item, 'party')
            ? item.title === value
            : is(item, 'article'),
      kind: (item, value) => (is(item, 'claim') ? item.kicker.split(' · ')[1] === value : is(item, 'article')),
      article: (item, value) =>
        is(item, 'claim') ? item.kicker.endsWith(`in ${value}`) : is(item, 'article') ? item.title === value : is(item, 'party'),
    };
    for (const key of Object.keys(holds)) {
      await page.goto(`${session.site.url}search/?q=Halden`);
      await settled(page);
      await openFacets(page);
      expect(foundIn(await settled(page))).toBe(all);
      await page.locator(`fieldset[data-facet="${key}"] input`).first().waitFor();
      // The first value that narrows the results (the first may hold for every record found).
      const labels = await page.locator(`fieldset[data-facet="${key}"] label`).allTextContents();
      const at = labels.findIndex((label) => Number(/\((\d+)\)$/.exec(label.trim())![1]) < all);
      expect(at, `${key}: ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
      const count = Number(/\((\d+)\)$/.exec(labels[at]!.trim())![1]);
      const box = page.locator(`fieldset[data-facet="${key}"] input[type="checkbox"]`).nth(at);
      const value = (await box.getAttribute('value'))!;
      await box.check();
      await expect.poll(() => new URL(page.url()).searchParams.getAll(key)).toEqual([value]);
      const status = await settled(page);
      await expect.poll(async () => foundIn((await page.locator('#search-status').textContent())!), { timeout: 5000 }).toBe(count);
      expect(count, `${key}=${value}: ${status}`).toBeLessThan(all);
      const items = await page.locator('#search-results > li').evaluateAll((lis) =>
        lis.map((li) => ({
          cls: li.className,
          title: li.querySelector('h3')?.textContent ?? '',
          kicker: li.querySelector('.result-kicker')?.textContent ?? '',
          facts: li.querySelector('.result-facts')?.textContent ?? '',
          href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
        })),
      );
      // Each record found (an article, with its claims, or a party) shows, ten at a time.
      expect(new Set(items.map((item) => item.href.split('#')[0])).size).toBe(Math.min(count, 10));
      for (const item of items) expect(holds[key]!(item, value), `${key}=${value}: ${JSON.stringify(item)}`).toBe(true);
      // A claim facet shows the claims that hold it (not only their articles).
      if (['by', 'about', 'kind'].includes(key))
        expect(
          items.some((item) => is(item, 'claim')),
          `${key}=${value}`,
        ).toBe(true);
      // Unchecking restores every result.
      await page.locator(`fieldset[data-facet="${key}"] input[value="${value.replace(/"/g, '\\"')}"]`).uncheck();
      await expect.poll(async () => foundIn((await page.locator('#search-status').textContent())!)).toBe(all);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('restores a search from the address, and the address follows the query as the reader types', async () => {
    const { page } = await openSearch(`?q=${WORD}&type=claim`);
    expect(await page.locator('#search-q').inputValue()).toBe(WORD);
    expect(await page.locator('fieldset[data-facet="type"] input[value="claim"]').isChecked()).toBe(true);
    expect(await settled(page)).toBe('Found in 1 article or party for “telephone”, with these filters.');
    expect(await resultLinks(page)).toEqual([session.site.url + CLAIM]);

    await page.locator('#search-q').fill('');
    await page.locator('#search-q').pressSequentially('gates', { delay: 20 });
    await expect.poll(() => new URL(page.url()).search).toBe('?q=gates&type=claim');
    await expect.poll(async () => foundIn((await page.locator('#search-status').textContent())!)).toBeGreaterThan(0);
    // Claims only, as the address asks.
    const kinds = await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.className));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((cls) => cls.includes('result-claim'))).toBe(true);
    await page.context().close();
  });

  it('shows ten articles or parties at a time, then the next ten with the same filters, the focus on the first of them', async () => {
    const { page, problems } = await openSearch('?q=&type=party');
    const total = foundIn(await settled(page));
    expect(total).toBeGreaterThan(10);
    const parties = () => page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => li.className));
    expect(await parties()).toHaveLength(10);
    await page.locator('[data-more]').click();
    await expect.poll(async () => (await parties()).length).toBe(Math.min(total, 20));
    expect((await parties()).every((cls) => cls.includes('result-party'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches('#search-results > li:nth-child(11)'))).toBe(true);
    expect(await page.locator('[data-more]').isVisible()).toBe(total > 20);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard alone: the header box on any page, then the query, a filter and a result', async () => {
    const context = await openContext(session.browser, 1280);
    const page = await context.newPage();
    await page.goto(`${session.site.url}articles/`);
    /** Presses Tab until `test` holds for the focused element (at most `limit` times). */
    const tabTo = async (test: string, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, test)) return;
      }
      throw new Error(`Tab never reached ${test}`);
    };
    await tabTo('#site-search');
    await page.keyboard.type('Halden');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Halden$/);
    expect(foundIn(await settled(page))).toBeGreaterThan(1);

    await tabTo('#search-q');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(WORD);
    await expect.poll(() => new URL(page.url()).search).toBe(`?q=${WORD}`);
    await settled(page);
    await tabTo('[data-facets-open]');
    await page.keyboard.press('Enter');
    await page.locator('fieldset[data-facet="type"] input[value="claim"]').waitFor();
    await tabTo('fieldset[data-facet="type"] input[value="claim"]');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).search).toBe(`?q=${WORD}&type=claim`);
    await settled(page);
    await tabTo('#search-results a');
    const focus = await page.evaluate(() => {
      const css = getComputedStyle(document.activeElement!);
      return { href: (document.activeElement as HTMLAnchorElement).href, outline: css.outlineStyle, width: parseFloat(css.outlineWidth) };
    });
    expect(focus).toEqual({ href: session.site.url + CLAIM, outline: 'solid', width: 3 });
    await page.keyboard.press('Enter');
    await page.waitForURL(session.site.url + CLAIM);
    await context.close();
  });

  it.each([
    ['an empty query', '', /^Type words to search/],
    ['2,000 characters', 'a'.repeat(2000), /^(No results|Found in \d+ \D+) for “a{200}” \(only the first 200 characters were searched\)\./],
    [
      'markup',
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
      /^(No results|Found in \d+ \D+) for “<script>alert\(1\)<\/script><img src=x onerror=alert\(2\)>”/,
    ],
    ['right-to-left text', 'سد هالدن', /^No results for “سد هالدن”\. Try other words\.$/],
    ['emoji', '🌊 dam 👋🏽', /^(No results|Found in \d+ \D+) for “🌊 dam 👋🏽”/],
  ])('answers %s with results or a clear “no results”, injecting nothing', async (_name, query, expected) => {
    const { page, problems, violations } = await openSearch(query === '' ? '' : `?q=${encodeURIComponent(query)}`);
    expect(await settled(page)).toMatch(expected);
    expect(await page.locator('#search-q').inputValue()).toBe(query);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('main img, #search-results script').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('runs under the search policy sent as a header, with no console error, CSP violation or failed request', async () => {
    const { page, problems, violations } = await openSearch(`?q=${WORD}`, { site: session.strict });
    expect(await resultLinks(page)).toContain(session.strict.url + CLAIM);
    // The filters load under the same policy.
    await openFacets(page);
    await page.locator('fieldset[data-facet="kind"] input').first().check();
    await settled(page);
    expect(problems).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('says without JavaScript that search needs it, and links to the article and party indexes', async () => {
    const context = await openContext(session.browser, 1280, 'light', { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.site.url}search/?q=${WORD}`);
    expect(await page.locator('[data-search-nojs]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-nojs]').textContent()).toContain('needs JavaScript');
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    const links = await page
      .locator('[data-search-nojs] a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual([`${BASE}articles/`, `${BASE}parties/`]);
    await context.close();
  });

  describe.each([
    { width: 360, scheme: 'light' },
    { width: 360, scheme: 'dark' },
    { width: 1280, scheme: 'light' },
    { width: 1280, scheme: 'dark' },
  ] satisfies { width: number; scheme: ColorScheme }[])('at $width px, $scheme', ({ width, scheme }) => {
    it('has no axe violation and no horizontal scrolling on a page of results and filters', async () => {
      const { page, problems } = await openSearch('?q=Halden&kind=warn', { width, scheme, bypassCSP: true });
      const status = await settled(page);
      expect(await page.locator('#search-results > li').count(), `${status} ${problems.join('; ')}`).toBeGreaterThan(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.addScriptTag({ path: AXE_SOURCE });
      const violations = await page.evaluate(async (tags) => {
        const axe = (
          window as unknown as {
            axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map(({ id, nodes }) => ({ id, nodes: nodes.slice(0, 3).map((node) => node.target) }));
      }, AXE_TAGS);
      expect(violations, JSON.stringify(violations)).toEqual([]);
      await page.context().close();
    });
  });
});
