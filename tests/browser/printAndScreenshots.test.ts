// The article page on paper (Chromium's PDF, read back with pdf.js) and as screenshots for people to look at:
// desktop, phone, dark, and the first printed page, written to tests/.output/screenshots/.
import { statSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useBrowserOnSite, openContext, screenshotPath, type ColorScheme } from '../support/browser.ts';
import { FIXTURE_SITE_DIST } from '../support/buildSite.ts';
import { readBuiltSite, readerText, select, selectAll, toString } from '../support/readSite.ts';
import { pdfPageTexts, renderPdfPage } from '../support/pdf.ts';

const SEED = 'articles/pakistan-rejects-taliban-interference-accusation/';
const seedPage = readBuiltSite(FIXTURE_SITE_DIST).get(`/${SEED}`)!;
/** PDF text loses line breaks and spacing; compare text with all whitespace removed. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.runIf(browserAvailable())('the article page on paper and on screen', () => {
  const session = useBrowserOnSite(FIXTURE_SITE_DIST);

  async function openPage(width: number, scheme: ColorScheme = 'light'): Promise<Page> {
    const page = await (await openContext(session.browser, width, scheme)).newPage();
    await page.goto(session.site.url + SEED);
    return page;
  }

  it('prints without navigation chrome, keeping the text, the marked quotes, the claims and the link addresses', async () => {
    const page = await openPage(1280);
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display);
    expect(await display('.skip-link')).toBe('none');
    expect(await display('.site-header')).toBe('none');
    expect(await display('.article-text p')).not.toBe('none');
    expect(await display('mark.quote')).not.toBe('none');
    expect(await display('li.claim')).not.toBe('none');
    const partyLink = page.locator('li.claim dl.facts a[href*="/parties/"]').first();
    const href = (await partyLink.getAttribute('href'))!;
    // Every link in the content to another page prints its address after it.
    const unprinted = await page
      .locator('main a[href]:not([href^="#"])')
      .evaluateAll((links) =>
        links.filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')!)).map((a) => a.outerHTML),
      );
    expect(await page.locator('main a[href]:not([href^="#"])').count()).toBeGreaterThan(50);
    expect(unprinted).toEqual([]);

    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
    });
    const pdfFile = screenshotPath('article-print.pdf');
    writeFileSync(pdfFile, pdf);
    await renderPdfPage(pdf, 1, screenshotPath('article-print-page-1.png'));

    const pages = await pdfPageTexts(pdf);
    const paper = squeeze(pages.join(' '));
    expect(pages.length).toBeGreaterThan(1);
    expect(paper).not.toContain(squeeze('Skip to main content'));
    // Every paragraph of the text, word for word, with its paragraph number and the claim numbers after the quotes.
    const paragraphs = selectAll('.article-text [id^="p-"]', seedPage.tree);
    expect(paragraphs.length).toBe(9);
    for (const paragraph of paragraphs) {
      expect(readerText(paragraph).length).toBeGreaterThan(100);
      expect(paper).toContain(squeeze(toString(paragraph)));
    }
    // Every claim's summary and quote.
    const claims = selectAll('li.claim', seedPage.tree);
    expect(claims.length).toBeGreaterThan(20);
    for (const claim of claims) {
      const [summary] = selectAll('.summary', claim);
      expect(paper).toContain(squeeze(toString(summary!)));
      const [quote] = selectAll('blockquote a', claim);
      expect(paper).toContain(squeeze(toString(quote!)));
    }
    // The addresses of links to other pages.
    expect(paper).toContain(squeeze(`‹${href}›`));
    const canonical = String(select('link[rel="canonical"]', seedPage.tree)!.properties.href);
    expect(paper).toContain(squeeze(`relative to ${new URL('/', canonical).href}`));
    expect(statSync(pdfFile).size).toBeGreaterThan(10_000);
  });

  it.each([
    { name: 'article-desktop.png', width: 1280, scheme: 'light' as const },
    { name: 'article-phone.png', width: 360, scheme: 'light' as const },
    { name: 'article-dark.png', width: 1280, scheme: 'dark' as const },
    { name: 'article-phone-dark.png', width: 360, scheme: 'dark' as const },
  ])('writes $name', async ({ name, width, scheme }) => {
    const page = await openPage(width, scheme);
    const file = screenshotPath(name);
    await page.screenshot({ path: file });
    // A screenshot of a rendered page, not of a blank one: the page background matches the scheme.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const channels = background.match(/\d+/g)!.slice(0, 3).map(Number);
    const lightness = channels.reduce((a, b) => a + b, 0) / 3;
    expect(scheme === 'dark' ? lightness < 80 : lightness > 200).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.context().close();
  });
});
