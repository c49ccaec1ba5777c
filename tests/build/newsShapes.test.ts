// News shapes the other fixtures lack, built alone (tests/fixtures/news-shapes): a wire story with a dateline (and its headline again from a second outlet), a
// quotation over two paragraphs whose first has no closing mark, a caption and a credit line; a live blog with
// timestamps as headings (the first after a `---` rule, as the text opens), a pull quote, key points, a table with aligned columns and a correction; a Q&A with
// bold speaker names and escaped punctuation; quotes in a link's text, across line breaks, in a cell, across emphasis.
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleSources } from '../../src/node/articleFiles.ts';
import { checkArticles } from '../../src/lib/checkArticles.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../../src/lib/referenceIndex.ts';
import { buildSite, ROOT } from '../support/buildSite.ts';
import { type BuiltPage, readBuiltSite, readerText, select, selectAll, toString } from '../support/readSite.ts';

const DIR = 'tests/fixtures/news-shapes';
const RENDERED_AS = { paragraph: /^p$/, heading: /^h[3-6]$/, 'list-item': /^(span|p)$/, blockquote: /^p$/, cell: /^t[dh]$/ };

let build: { code: number; output: string };
let pages: Map<string, BuiltPage>;
let index: ReferenceIndex;

beforeAll(async () => {
  const { sources } = readArticleSources(DIR, ROOT);
  const checked = checkArticles(sources);
  expect(checked.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  index = buildReferenceIndex(checked.articles);
  const result = await buildSite({ name: 'news-shapes', articleDirs: [DIR] });
  build = result;
  pages = readBuiltSite(result.outDir);
}, 600_000);

const articlePage = (slug: string) => pages.get(`/articles/${slug}/`)!;

describe('news shapes', () => {
  it('check and build', () => {
    expect(build.code, build.output).toBe(0);
    expect(index.articles.length).toBe(5);
  });

  it('render every block word for word, as the element its type is', () => {
    for (const article of index.articles) {
      const page = articlePage(article.slug).tree;
      article.blocks.forEach((block, i) => {
        const element = select(`.article-text #p-${i + 1}`, page);
        expect(element, `${article.slug} block ${i + 1}`).toBeTruthy();
        expect(readerText(element!), `${article.slug} block ${i + 1}`).toBe(block.text);
        expect(element!.tagName, `${article.slug} block ${i + 1}`).toMatch(RENDERED_AS[block.type]);
      });
      expect(select(`.article-text #p-${article.blocks.length + 1}`, page)).toBeUndefined();
    }
  });

  it('mark every span of every claim', () => {
    for (const article of index.articles) {
      const page = articlePage(article.slug).tree;
      for (const ref of article.claimById.values()) {
        const marked = selectAll(`.article-text mark.c${ref.number}`, page)
          .map((mark) => readerText(mark))
          .join('');
        const quoted = ref.spans.map((span) => article.blocks[span.block]!.text.slice(span.start, span.end)).join('');
        expect(marked, `${article.slug} ${ref.claim.id}`).toBe(quoted);
      }
    }
  });

  it('keep a two-paragraph quotation’s three spans, the caption, the credit line and the correction as blocks', () => {
    const wire = articlePage('geneva-talks-on-osten-river-stall').tree;
    expect(selectAll('.article-text mark.c3', wire).map((mark) => readerText(mark))).toEqual([
      '“We did not walk out. We paused,”',
      '“We will not sign figures we cannot check.',
      '“And we will come back when Osteria puts the gauge data on the table.”',
    ]);
    expect(readerText(select('.article-text #p-7', wire)!)).toBe('Reporting by Ana Lisk; Editing by Paul Oder');
    const live = articlePage('live-kessel-dam-gates-open').tree;
    expect(selectAll('.article-text h3', live).map((h) => readerText(h))).toEqual([
      '14:32 GMT — Gates open',
      '15:05 GMT — Marrland: “scheduled”',
      '15:40 GMT — Residents fill sandbags',
    ]);
  });

  it('align a table’s columns by class, since the Content-Security-Policy blocks a style attribute', () => {
    for (const page of pages.values()) expect(page.html, page.path).not.toMatch(/\sstyle=/);
    const live = articlePage('live-kessel-dam-gates-open').tree;
    expect(selectAll('.article-text th.align-right, .article-text td.align-right', live).map((cell) => readerText(cell))).toEqual([
      '14:00',
      '16:00',
      '2.10 m',
      '2.50 m',
    ]);
    expect(toString(select('.article-text td.align-right', live)!)).toContain('2.10 m');
  });

  it('are valid HTML, every page, also where two articles share a headline (landmark names must differ)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard', 'html-validate:a11y', 'html-validate:document'],
      rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
    });
    const headlines = index.articles.map((article) => article.data.title);
    expect(new Set(headlines).size).toBe(headlines.length - 1);
    expect(pages.get('/parties/marrland/')!.html).toContain('osten-talks-stall-second-outlet');
    for (const page of pages.values()) {
      const report = await validator.validateString(page.html, page.path);
      expect(
        report.results.flatMap((result) => result.messages.map((m) => `${page.path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
      ).toEqual([]);
    }
  });
});
