// axe-core on every built page, in light and dark, on a phone and a desktop; plus what axe cannot
// judge alone: no horizontal scrolling at 360 px, and the contrast of the colours the pages use.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, useBrowserOnSite, openContext, type ColorScheme } from '../support/browser.ts';
import { FIXTURE_SITE_DIST } from '../support/buildSite.ts';
import { readBuiltSite } from '../support/readSite.ts';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.2 A and AA, and axe's best practices (landmarks, heading order, one h1, regions). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const PAGES = [...readBuiltSite(FIXTURE_SITE_DIST).keys()].map((path) => path.replace(/^\//, '')).sort();
const VIEWS: { width: number; scheme: ColorScheme }[] = [
  { width: 360, scheme: 'light' },
  { width: 360, scheme: 'dark' },
  { width: 1280, scheme: 'light' },
  { width: 1280, scheme: 'dark' },
];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe.runIf(browserAvailable())('accessibility of every page', () => {
  const session = useBrowserOnSite(FIXTURE_SITE_DIST);

  it('has pages to check: index, articles, parties, 404', () => {
    expect(PAGES).toContain('');
    expect(PAGES).toContain('404.html');
    expect(PAGES.filter((p) => p.startsWith('articles/')).length).toBeGreaterThanOrEqual(2);
    expect(PAGES.filter((p) => p.startsWith('parties/')).length).toBeGreaterThan(10);
  });

  describe.each(VIEWS)('at $width px, $scheme', ({ width, scheme }) => {
    let page: Page;
    beforeAll(async () => {
      // The pages forbid scripts (CSP script-src 'none'); the test injects axe past it.
      const context = await openContext(session.browser, width, scheme, { bypassCSP: true });
      page = await context.newPage();
    });
    afterAll(() => page?.context().close());

    it.each(PAGES)('/%s: no axe violations and no horizontal scrolling', async (path) => {
      const response = await page.goto(session.site.url + path);
      expect(response?.status()).toBe(200);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `/${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);

      await page.addScriptTag({ path: AXE_SOURCE });
      const violations: AxeViolation[] = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map(({ id, help, nodes }) => ({
          id,
          help,
          nodes: nodes.slice(0, 3).map(({ target, failureSummary }) => ({ target, failureSummary })),
        }));
      }, AXE_TAGS);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    });
  });
});
