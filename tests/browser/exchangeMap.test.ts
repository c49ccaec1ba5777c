// The exchange map in real Chromium: every box links to its claim, the arrows are the respondsTo pairs
// (from the answer to the claim it answers), the map never widens the page at 360 px and its scroller
// can be scrolled from the keyboard; the SVG is hidden from assistive technology and the list is not.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleSources } from '../../src/node/articleFiles.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../../src/lib/referenceIndex.ts';
import { checkArticles } from '../../src/lib/checkArticles.ts';
import { browserAvailable, openContext, useBrowserOnSite } from '../support/browser.ts';
import { FIXTURE_SITE, FIXTURE_SITE_DIST, ROOT } from '../support/buildSite.ts';

const SEED = 'pakistan-rejects-taliban-interference-accusation';
const REJECTION = 'kestran-rejects-velorian-dam-claims';

let index: ReferenceIndex;
beforeAll(() => {
  index = buildReferenceIndex(checkArticles(FIXTURE_SITE.articleDirs.flatMap((dir) => readArticleSources(dir, ROOT).sources)).articles);
});

describe.runIf(browserAvailable())('the exchange map in Chromium', () => {
  const session = useBrowserOnSite(FIXTURE_SITE_DIST);

  async function openPage(path: string, width: number): Promise<Page> {
    const page = await (await openContext(session.browser, width)).newPage();
    await page.goto(session.site.url + path);
    return page;
  }

  /** Each box's link, and each arrow as the links of the boxes its ends touch (answer → answered). */
  const drawn = (page: Page) =>
    page.locator('#exchange svg').evaluate((svg) => {
      const boxes = [...svg.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href')!,
        box: a.querySelector('rect')!.getBoundingClientRect(),
      }));
      const at = (x: number, y: number) =>
        boxes.find(({ box }) => x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1)?.href;
      const arrows = [...svg.querySelectorAll('.xm-answers path')].map((path) => {
        const p = path as SVGPathElement;
        const matrix = p.getScreenCTM()!;
        const point = (length: number) => new DOMPoint(p.getPointAtLength(length).x, p.getPointAtLength(length).y).matrixTransform(matrix);
        const start = point(0);
        const end = point(p.getTotalLength());
        return `${at(start.x, start.y)} -> ${at(end.x, end.y)}`;
      });
      return { links: boxes.map((b) => b.href), arrows };
    });

  it('links every box to its claim, here or in another article, and draws one arrow per answer, from the answer to the claim it answers', async () => {
    for (const slug of [SEED, REJECTION]) {
      const article = index.articleBySlug.get(slug)!;
      const page = await openPage(`articles/${slug}/`, 1280);
      const { links, arrows } = await drawn(page);
      const href = (ref: { articleSlug: string; claim: { id: string } }) =>
        ref.articleSlug === slug ? `#claim-${ref.claim.id}` : `/articles/${ref.articleSlug}/#claim-${ref.claim.id}`;
      const expected = new Set<string>();
      for (const ref of article.claims) {
        for (const answered of article.answers.get(ref.claim.id) ?? []) expected.add(`${href(ref)} -> ${href(answered)}`);
        for (const answer of article.answeredBy.get(ref.claim.id) ?? []) expected.add(`${href(answer)} -> ${href(ref)}`);
      }
      expect(arrows.sort(), slug).toEqual([...expected].sort());
      for (const link of links.filter((l) => l.startsWith('#'))) expect(await page.locator(link).count(), link).toBe(1);
      await page.locator(`#exchange svg a[href="${links[0]}"]`).click();
      expect(new URL(page.url()).hash || new URL(page.url()).pathname).toBe(
        links[0]!.startsWith('#') ? links[0] : new URL(links[0]!, page.url()).pathname,
      );
      await page.context().close();
    }
  });

  it('never widens the page at 360 px: the map scrolls in its own box, from the keyboard too', async () => {
    const page = await openPage(`articles/${REJECTION}/`, 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const scroller = page.locator('#exchange .xm-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await scroller.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('hides the picture from assistive technology and gives the same exchange as a list, each claim link once', async () => {
    const page = await openPage(`articles/${SEED}/`, 1280);
    const svg = page.locator('#exchange svg');
    expect(await svg.getAttribute('aria-hidden')).toBe('true');
    expect(await svg.locator('a').evaluateAll((links) => links.every((a) => a.getAttribute('tabindex') === '-1'))).toBe(true);
    await page.locator('#exchange details summary').click();
    const listed = await page
      .locator('#exchange details > ul > li > ul > li > a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const boxes = await svg.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(boxes.sort());
    await page.context().close();
  });
});
