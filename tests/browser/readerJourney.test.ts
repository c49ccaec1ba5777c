// A reader's way through the article page in real Chromium: claim → quote in the text → claim,
// party page → claim, keyboard only, and with JavaScript off.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowserOnSite, openContext } from '../support/browser.ts';
import { FIXTURE_SITE_DIST } from '../support/buildSite.ts';
import { readBuiltSite } from '../support/readSite.ts';

const SEED = 'articles/pakistan-rejects-taliban-interference-accusation/';
const PAGES = [...readBuiltSite(FIXTURE_SITE_DIST).keys()].map((path) => path.replace(/^\//, ''));

describe.runIf(browserAvailable())('a reader in Chromium', () => {
  const session = useBrowserOnSite(FIXTURE_SITE_DIST);

  async function openPage(path: string, width = 1280, javaScriptEnabled = true): Promise<Page> {
    const context = await openContext(session.browser, width, 'light', { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(session.site.url + path);
    return page;
  }

  /** The element's box intersects the viewport. */
  const inViewport = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth && box.height > 0;
    });

  it('follows every claim quote to its marked words, highlighted as the target, and back to the claim', async () => {
    const page = await openPage(SEED);
    const claimIds = await page.locator('li.claim').evaluateAll((items) => items.map((item) => item.id));
    expect(claimIds.length).toBeGreaterThan(20);
    const normalBackground = await page
      .locator('mark.quote')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);

    for (const claimAnchor of claimIds) {
      const quoteAnchor = claimAnchor.replace(/^claim-/, 'quote-');
      await page.locator(`#${claimAnchor} blockquote a[href="#${quoteAnchor}"]`).click();
      expect(new URL(page.url()).hash).toBe(`#${quoteAnchor}`);
      const mark = page.locator(`mark#${quoteAnchor}`);
      expect(await mark.evaluate((el) => el.matches(':target'))).toBe(true);
      expect(await inViewport(page, `mark#${quoteAnchor}`), `${quoteAnchor} scrolled into view`).toBe(true);
      // Highlighted as the target: an outline and a background different from the other marks.
      const style = await mark.evaluate((el) => {
        const css = getComputedStyle(el);
        return { outline: css.outlineStyle, outlineWidth: parseFloat(css.outlineWidth), background: css.backgroundColor };
      });
      expect(style.outline).toBe('solid');
      expect(style.outlineWidth).toBeGreaterThanOrEqual(2);
      expect(style.background).not.toBe(normalBackground);

      // The mark's own link returns to the claim.
      await mark.locator(':scope > a.quote-ref').first().click();
      expect(new URL(page.url()).hash).toBe(`#${claimAnchor}`);
      expect(await inViewport(page, `#${claimAnchor}`)).toBe(true);
      expect(await page.locator(`#${claimAnchor}`).evaluate((el) => el.matches(':target'))).toBe(true);
    }
  });

  it('highlights every piece of a claim quoted in several spans or across markup, and no other words', async () => {
    const page = await openPage('articles/kestran-rejects-velorian-dam-claims/');
    for (const id of ['kestran-ministry-rejects-theft-accusation', 'fenn-commits-to-temporary-closure', 'fenn-dismisses-flow-audit']) {
      await page.locator(`#claim-${id} blockquote a[href="#quote-${id}"]`).click();
      expect(new URL(page.url()).hash).toBe(`#quote-${id}`);
      // Every piece of a claim's quote carries the class c<its number>.
      const number = await page.locator(`#quote-${id}`).evaluate((el) => [...el.classList].find((name) => /^c\d+$/.test(name)));
      const marks = await page.locator('mark.quote').evaluateAll((all) =>
        all.map((el) => ({
          claim: [...el.classList].find((name) => /^c\d+$/.test(name)),
          background: getComputedStyle(el).backgroundColor,
          outline: getComputedStyle(el).outlineStyle,
        })),
      );
      const target = marks.find((mark) => mark.claim === number)!;
      const pieces = marks.filter((mark) => mark.claim === number);
      expect(pieces.length, id).toBeGreaterThan(1);
      for (const piece of pieces) expect(piece, id).toEqual({ claim: number, background: target.background, outline: 'solid' });
      for (const other of marks.filter((mark) => mark.claim !== number))
        expect(other.background, `${other.claim} while ${id} is targeted`).not.toBe(target.background);
    }
  });

  it('reads each mark aloud as the claim it belongs to', async () => {
    const page = await openPage(SEED);
    const first = page.locator('li.claim').first();
    const by = await first.locator('dl.facts dd a').first().textContent();
    const link = page.getByRole('link', { name: `Claim 1, by ${by}` });
    await expect.poll(() => link.count()).toBeGreaterThan(0);
    expect(await link.first().evaluate((el) => el.closest('mark')?.id)).toBe(
      `quote-${(await first.getAttribute('id'))!.slice('claim-'.length)}`,
    );
  });

  it('goes from a party link to the party page and from there back to each of its claims', async () => {
    const page = await openPage(SEED);
    const partyLinks = await page
      .locator('#parties a[href*="/parties/"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(partyLinks.length).toBeGreaterThan(5);
    for (const partyUrl of partyLinks) {
      await page.goto(session.site.url + SEED);
      await page
        .locator(`#parties a[href="${new URL(partyUrl).pathname}"]`)
        .first()
        .click();
      expect(page.url()).toBe(partyUrl);
      const claimLinks = await page
        .locator('main a[href*="/articles/"][href*="#claim-"]')
        // HTML links only: the exchange map's SVG links are a picture of the same ones, out of the tab order.
        .evaluateAll((links) => links.filter((a) => a instanceof HTMLAnchorElement).map((a) => a.href));
      expect(claimLinks.length, `${partyUrl} lists claims`).toBeGreaterThan(0);
      for (const claimUrl of new Set(claimLinks)) {
        await page
          .locator(`main a[href="${new URL(claimUrl).pathname + new URL(claimUrl).hash}"]`)
          .first()
          .click();
        const hash = new URL(page.url()).hash;
        expect(hash).toMatch(/^#claim-/);
        expect(await page.locator(hash).evaluate((el) => el.matches(':target') && el.tagName === 'LI')).toBe(true);
        // The browser scrolls to the fragment once the page has loaded.
        await page.waitForLoadState('load');
        await expect.poll(() => inViewport(page, hash), { timeout: 5000 }).toBe(true);
        await page.goBack();
      }
    }
  });

  it('lets a keyboard user skip to the content and reach every link in document order with a visible focus ring', async () => {
    const page = await openPage(SEED);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent?.trim(),
        href: el.getAttribute('href'),
        visible: box.width > 0 && box.top >= 0 && box.top < window.innerHeight,
      };
    });
    expect(skip).toEqual({ text: 'Skip to main content', href: '#main', visible: true });
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From the top again: Tab visits every link, in DOM order, each with a visible focus indicator
    // (and passes through the header's search box: its field and button).
    await page.goto(session.site.url + SEED);
    // Only the links a keyboard reaches: not hidden ones, nor the exchange map's picture links (tabindex -1; its list has the same links).
    const links = await page.evaluate(
      () => [...document.querySelectorAll('a[href]:not([tabindex="-1"])')].filter((a) => a.checkVisibility()).length,
    );
    const visited: number[] = [];
    for (let i = 0; i < links; i++) {
      await page.keyboard.press('Tab');
      const read = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const all = [...document.querySelectorAll('a[href]:not([tabindex="-1"])')].filter((a) => a.checkVisibility());
          const css = getComputedStyle(el);
          return {
            index: all.indexOf(el),
            outline: css.outlineStyle,
            width: parseFloat(css.outlineWidth),
            tag: el.tagName,
            search: el.closest('header form[role="search"]') !== null,
            scroller: el.matches('[tabindex="0"]'),
          };
        });
      let focus = await read();
      // The header's search field and button, a scroller a keyboard scrolls (the exchange map's) and the
      // summary that unfolds its list are on the way too.
      for (let control = 0; control < 4 && (focus.search || focus.scroller || focus.tag === 'SUMMARY') && focus.tag !== 'A'; control++) {
        await page.keyboard.press('Tab');
        focus = await read();
      }
      expect(focus.tag).toBe('A');
      expect(focus.outline, `link ${focus.index} shows a focus ring`).not.toBe('none');
      expect(focus.width).toBeGreaterThanOrEqual(2);
      visited.push(focus.index);
    }
    expect(visited).toEqual([...Array(links).keys()]);
  });

  it('loads every page with no console error, Content-Security-Policy violation or failed request', async () => {
    const context = await openContext(session.browser, 1280);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/404.html')) problems.push(`${response.url()}: HTTP ${response.status()}`);
    });
    // networkidle: the icon request finishes before the next page, so a missing one shows as a 404.
    for (const path of PAGES) await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
    expect(PAGES.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with JavaScript disabled: same content, links and targets', async () => {
    const page = await openPage(SEED, 1280, false);
    expect(await page.locator('li.claim').count()).toBeGreaterThan(20);
    expect(await page.locator('mark.quote').count()).toBeGreaterThan(20);
    await page.locator('li.claim blockquote a').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#quote-/);
    await page.locator('#parties a[href*="/parties/"]').first().click();
    expect(page.url()).toContain('/parties/');
    expect(await page.locator('main a[href*="#claim-"]').count()).toBeGreaterThan(0);
  });
});
