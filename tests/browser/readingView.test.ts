// The reading view in real Chromium: the text first, each block's claims beside it (wide) or after it
// (narrow), copying gives the source words, and a text fragment link finds its words.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from '../../src/lib/textFragment.ts';
import { browserAvailable, openContext, useBrowserOnSite } from '../support/browser.ts';
import { FIXTURE_SITE_DIST } from '../support/buildSite.ts';

const SEED = 'articles/pakistan-rejects-taliban-interference-accusation/';
const REJECTION = 'articles/kestran-rejects-velorian-dam-claims/';

describe.runIf(browserAvailable())('the reading view in Chromium', () => {
  const session = useBrowserOnSite(FIXTURE_SITE_DIST);

  async function openPage(path: string, width: number): Promise<Page> {
    const context = await openContext(session.browser, width, 'light', { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(session.site.url + path);
    return page;
  }

  /** For each block of the text that has notes: its box, the notes' box, and whether the notes are unfolded. */
  const noteBoxes = (page: Page) =>
    page.locator('.article-text').evaluate((text) =>
      [...text.querySelectorAll(':scope > .with-notes')].map((wrapper) => {
        const notes = wrapper.querySelector(':scope > .notes') as HTMLDetailsElement;
        const block = notes.nextElementSibling!;
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
        };
        const list = notes.querySelector('ol')!;
        return { block: box(block), notes: box(notes), listShown: list.checkVisibility() };
      }),
    );

  it('puts the text right after the header, before the parties, the matrix and the claim cards', async () => {
    const page = await openPage(SEED, 1280);
    const order = await page.locator('main > section').evaluateAll((sections) => sections.map((s) => s.id));
    expect(order).toEqual(['text', 'parties', 'matrix', 'exchange', 'claims']);
  });

  it('at 1280 px sets each block’s claims beside it in the margin, never before it, in order down the page', async () => {
    const page = await openPage(SEED, 1280);
    const boxes = await noteBoxes(page);
    expect(boxes.length).toBeGreaterThan(5);
    boxes.forEach(({ block, notes, listShown }, i) => {
      expect(listShown, `notes ${i} unfolded`).toBe(true);
      expect(notes.left, `notes ${i} beside their block`).toBeGreaterThanOrEqual(block.right);
      expect(notes.top, `notes ${i} not above their block`).toBeGreaterThanOrEqual(block.top - 1);
      if (i > 0) expect(notes.top, `notes ${i} below the notes before`).toBeGreaterThanOrEqual(boxes[i - 1]!.notes.bottom);
    });
    // The first block's notes stand level with it.
    expect(Math.abs(boxes[0]!.notes.top - boxes[0]!.block.top)).toBeLessThan(12);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('at 390 px puts each block’s claims after it, folded, and unfolds them on a click, without script', async () => {
    const page = await openPage(SEED, 390);
    const boxes = await noteBoxes(page);
    expect(boxes.length).toBeGreaterThan(5);
    for (const { block, notes, listShown } of boxes) {
      expect(listShown).toBe(false);
      expect(notes.top).toBeGreaterThanOrEqual(block.bottom - 1);
    }
    const first = page.locator('.article-text details.notes').first();
    expect(await first.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await first.locator('summary').click();
    expect(await first.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await first.locator('li a[href^="#claim-"]').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#claim-/);
  });

  it('copies a paragraph, a list item and a quote as the source words: no block numbers, claim numbers or notes', async () => {
    const page = await openPage(REJECTION, 1280);
    for (const selector of ['#p-5', '#p-1', '#quote-fenn-commits-to-temporary-closure']) {
      const expected = await page.locator(selector).evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const added of copy.querySelectorAll('.para-link, .quote-ref')) added.remove();
        return copy.textContent.trim();
      });
      await page.locator(selector).evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await page.keyboard.press('Control+C');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.trim(), selector).toBe(expected);
      expect(copied, selector).not.toMatch(/^\s*\d/);
    }
    // Across two blocks, the notes between them stay out of the copy.
    await page.locator('.article-text').evaluate((text) => {
      const range = document.createRange();
      range.setStartBefore(text.querySelector('#p-5')!);
      range.setEndAfter(text.querySelector('#p-6')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Control+C');
    const both = await page.evaluate(() => navigator.clipboard.readText());
    expect(both).not.toMatch(/\b(assert|reject|accuse|admit|warn|commit) [A-Z]/);
  });

  it('links each claim to its words in the original with a text fragment, and such a link finds its words', async () => {
    const page = await openPage('articles/veloria-accuses-kestran-of-dam-diversion/', 1280);
    const link = page.locator('#claim-marrow-rejects-routine-inspection a:text("These words in the original")');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/ledger\.example\/2025\/03\/14\/veloria-kestran-dam#:~:text=/);
    // The same directive pointed at this page: Chromium scrolls to the words (far below the first screen).
    const quote = await page.locator('#claim-kestran-says-commission-was-informed blockquote a[href^="#quote-"]').textContent();
    const self = textFragmentUrl(session.site.url + 'articles/veloria-accuses-kestran-of-dam-diversion/', [quote!]);
    const fresh = await openPage('404.html', 1280);
    await fresh.goto(self);
    await fresh.waitForLoadState('load');
    await expect
      .poll(
        () =>
          fresh.locator('#quote-kestran-says-commission-was-informed').evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight && scrollY > 300;
          }),
        { timeout: 5000 },
      )
      .toBe(true);
  });
});
