// Every built page is valid HTML: html-validate's rules for the HTML standard (content models, unique ids,
// required attributes), for accessibility (names, labels, landmarks) and for whole documents.
import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE_DIST } from '../support/buildSite.ts';
import { readBuiltSite } from '../support/readSite.ts';

const pages = [...readBuiltSite(FIXTURE_SITE_DIST).values()];
const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:a11y', 'html-validate:document'],
  // Subresource integrity guards resources from other origins; the pages load only their own stylesheet.
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

describe('valid HTML', () => {
  it('covers every page of the built site', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('rejects what it should: duplicate ids, a block in a paragraph, an image without alt', async () => {
    const bad =
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><p id="a"><div id="a"></div></p><img src="x.png"></main></body></html>';
    const report = await validator.validateString(bad, 'bad.html');
    const rules = new Set(report.results.flatMap((result) => result.messages.map((m) => m.ruleId)));
    expect([...rules]).toEqual(expect.arrayContaining(['no-dup-id', 'wcag/h37']));
    expect(report.valid).toBe(false);
  });

  it.each(pages.map((page) => [page.path, page.html]))('%s has no validation errors', async (path, html) => {
    const report = await validator.validateString(html, path);
    const messages: Message[] = report.results.flatMap((result) => result.messages);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
  });
});
