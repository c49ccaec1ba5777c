import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { findBodyCode, parseBody, textBlocks } from '../lib/articleText.ts';
import { checkArticles } from '../lib/checkArticles.ts';
import { checkArticleSlug, draftFile, readsAsHeadline, slugify } from './draft.ts';
import { AuthoringError } from './errors.ts';
import { importArticle, plainTextParagraphs } from './importArticle.ts';
import { decodeInput, formatOf, MAX_INPUT_BYTES } from './input.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/imports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The body is text only: no MDX code, and it parses. */
function expectTextOnly(body: string) {
  expect(findBodyCode(parseBody(body))).toEqual([]);
}

describe('plain text (.txt)', () => {
  it('keeps every paragraph verbatim, split at blank lines, and takes the first line as the title', () => {
    const text = fixture('harbour-dispute.txt');
    const result = importArticle(text, 'txt');
    expect(result.title).toBe('Norvik port authority rejects fishing union’s claim of secret dredging');
    const paragraphs = plainTextParagraphs(text).slice(1);
    expect(textBlocks(result.body)).toEqual(paragraphs.map((text) => ({ type: 'paragraph', text })));
    expect(result.body).toContain('“a season’s catch, gone in a week.”'); // curly quotes and dashes untouched
    expect(result.body).not.toContain('Norvik port authority rejects'); // the title is not repeated
    expectTextOnly(result.body);
  });

  it('reads one paragraph per line when the file has no blank line', () => {
    const result = importArticle(fixture('one-paragraph-per-line.txt'), 'txt');
    expect(result.title).toBe('Lakeside villages vote to share one water board');
    expect(textBlocks(result.body).map((block) => block.text)).toEqual([
      'Voters in four villages on Lake Ammer agreed on Sunday to merge their water boards, the district office said.',
      'Turnout was 61 per cent, according to the returning officer.',
      'The mayor of Ostbrück called the result “a vote for common sense”.',
    ]);
  });

  it('escapes every character MDX or Markdown would read as syntax, and the page text reads back exactly', () => {
    const text = fixture('special-characters.txt');
    const result = importArticle(text, 'txt');
    const expected = plainTextParagraphs(text).slice(1);
    const blocks = textBlocks(result.body);
    expect(blocks).toEqual(expected.map((text) => ({ type: 'paragraph', text })));
    expectTextOnly(result.body);
    // Each construct stays text: no heading, list, quotation, emphasis, link, code, HTML or expression.
    for (const line of [
      '\\# This line',
      '\\- This line',
      '\\* So does',
      '\\+ And this',
      '\\> This line',
      '1\\. This line',
      '2\\) And this',
      '\\{curly braces\\}',
      '\\<tags>',
      '\\<!-- a comment -->',
      '\\*around words\\*',
      '\\_underscores\\_',
      '\\`backticks\\`',
      '\\[brackets]',
      '\\~\\~like these\\~\\~',
      'AT\\&T',
      '\\&amp;',
      '&#x69;mport this',
      '&#x65;xport so',
      '\\===',
      '\\---',
    ]) {
      expect(result.body).toContain(line);
    }
    expect(blocks[0]!.text).toContain('Spacing   inside   a line stays, “curly quotes” and ‘single ones’ — dashes – too.');
  });

  it('reads a .txt as Markdown only when asked', () => {
    const text = 'Ferry timetable changes\n\n## Winter\n\n- two sailings a day\n';
    expect(textBlocks(importArticle(text, 'txt').body).map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
    expect(textBlocks(importArticle(text, 'txt', { markdown: true }).body).map((block) => block.type)).toEqual(['heading', 'list-item']);
  });

  it('asks for --title when the first line does not read as a headline, and takes --title when given', () => {
    const text = fixture('no-headline.txt');
    expect(() => importArticle(text, 'txt')).toThrow(AuthoringError);
    expect(() => importArticle(text, 'txt')).toThrow(/--title/);
    const result = importArticle(text, 'txt', { title: 'Tram strike enters third day' });
    expect(result.title).toBe('Tram strike enters third day');
    expect(textBlocks(result.body)).toHaveLength(2); // nothing taken out of the text
  });

  it('drops the first line when it is the --title given', () => {
    const result = importArticle('Lakeside villages vote\n\nVoters agreed.', 'txt', { title: 'Lakeside villages vote' });
    expect(textBlocks(result.body).map((block) => block.text)).toEqual(['Voters agreed.']);
  });
});

describe('escaping holds for any text', () => {
  // A fixed pseudo-random sequence: the same 200 texts every run, built from the characters Markdown and MDX read as syntax.
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = [
    ...'{}<>[]()*_`~#+-=.!|\\&;:\'"“”—–1234567890 \t\nab',
    'import ',
    'export ',
    'http://x.example',
    'www.a.example',
    '<!--',
    '-->',
    '&amp;',
    '&#12;',
    '1. ',
    '- ',
    '> ',
    '---',
    '===',
  ];
  const text = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');

  it('every random text imports from .txt and reads back exactly, and from .md with no MDX code', () => {
    for (let round = 0; round < 200; round++) {
      const body = text();
      for (const format of ['txt', 'md'] as const) {
        const file = `Random headline\n\n${body}\n\nend`;
        let result;
        try {
          result = importArticle(file, format);
        } catch (error) {
          // Only a text with nothing to import may be refused; a body that does not read back never is.
          expect((error as Error).message, JSON.stringify(body)).not.toMatch(/read back|not valid MDX/);
          continue;
        }
        expectTextOnly(result.body);
        if (format === 'txt') expect(textBlocks(result.body).map((block) => block.text)).toEqual(plainTextParagraphs(file).slice(1));
      }
    }
  }, 60_000); // 400 imports: room for a busy machine (nothing here is timed)

  it('a tab before a line break in Markdown, which Markdown cannot write back, is still imported', () => {
    expect(textBlocks(importArticle('Headline here\n\nSeven\t\n`code` more', 'md').body)[0]!.text).toMatch(/^Seven\s+code more$/);
  });
});

describe('Markdown (.md)', () => {
  it('keeps headings, lists, quotations, emphasis and http links, escapes MDX characters and drops HTML', () => {
    const result = importArticle(fixture('article.md'), 'md');
    expect(result.title).toBe('Grain convoy reaches Selm after week-long delay');
    const blocks = textBlocks(result.body);
    expect(blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'list-item',
      'list-item',
      'blockquote',
      'paragraph',
    ]);
    expect(blocks[4]!.text).toBe('at the Selm bridge, where officials asked for {an extra fee} of <500 crowns>.');
    expect(result.body).toContain('*Harvest Bridge*');
    expect(result.body).toContain('[agency statement](https://example.org/harvest-bridge/statement)');
    expect(result.body).not.toContain('javascript:');
    expect(blocks[6]!.text).toContain('and the internal memo.'); // the link's text stays
    expect(result.body).not.toMatch(/<!--|<div|Subscribe now/);
    expect(result.notes.join(' ')).toMatch(/HTML left out/);
    expectTextOnly(result.body);
  });

  it('writes a reference link inline, with the address its definition gives, and a reference to no http(s) address as its text', () => {
    const result = importArticle(
      'Convoy reaches Selm\n\nThe agenda, according to the [commission’s notice][notice], covers [three points][points].\n\n[notice]: https://commission.example/notices/7 "Notice 7"\n[points]: mailto:desk@example.org\n',
      'md',
    );
    expect(result.body).toContain('[commission’s notice](https://commission.example/notices/7)');
    expect(result.body).not.toContain('Notice 7');
    expect(result.body).not.toContain('mailto:');
    expect(textBlocks(result.body)[0]!.text).toBe('The agenda, according to the commission’s notice, covers three points.');
  });

  it('moves a `#` heading left in the body one level down: the title is the top heading', () => {
    const result = importArticle('# Convoy reaches Selm\n\nText.\n\n# Aftermath\n\n## Prices\n\nMore text.\n', 'md');
    expect(result.body).toContain('## Aftermath\n');
    expect(result.body).toContain('### Prices\n');
  });

  it('keeps a code block’s lines as paragraphs and a task item’s words without its box: the check refuses both as they are', () => {
    const result = importArticle(
      '# Convoy reaches Selm\n\nText.\n\n```\nGauge 2.10 m\nGauge 2.50 m\n\nNext\n```\n\n- [ ] Selm\n- [x] Lessa\n',
      'md',
    );
    expect(textBlocks(result.body)).toEqual([
      { type: 'paragraph', text: 'Text.' },
      { type: 'paragraph', text: 'Gauge 2.10 m\nGauge 2.50 m' },
      { type: 'paragraph', text: 'Next' },
      { type: 'list-item', text: 'Selm' },
      { type: 'list-item', text: 'Lessa' },
    ]);
    const draft = checkArticles([
      { file: 'a.mdx', slug: 'a', data: { title: 'A', draft: true, source: {}, parties: [], claims: [] }, body: result.body },
    ]);
    expect(draft.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('a saved page (.html)', () => {
  const result = importArticle(fixture('article.html'), 'html');
  const blocks = textBlocks(result.body);

  it('extracts the article with its headings, lists, quotations, links and emphasis, and nothing around it', () => {
    expect(result.title).toBe('Islanders protest ferry cuts as operator blames fuel costs');
    expect(blocks.map((block) => block.type)).toEqual([
      'list-item',
      'list-item',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'blockquote',
      'blockquote',
      'heading',
      'paragraph',
      'list-item',
      'list-item',
    ]);
    expect(result.body).toContain('## A school and a clinic');
    expect(result.body).toContain('### What happens next');
    expect(result.body).toContain('> “If the ferry goes, the island goes.”');
    expect(result.body).toContain('*Brinewater Lines*');
    expect(result.body).toContain('**fuel costs**');
    expect(result.body).toContain('[website](https://brinewater.example.com/news/timetable)');
    expect(result.body).not.toMatch(/javascript:|Most read|All rights reserved|Home|window\.tracking|Photo: Gazette/);
    expect(blocks[9]!.text).toContain('and more details would follow.');
    expect(blocks.some((block) => block.text === result.title)).toBe(false); // the <h1> is the title, not repeated
    expectTextOnly(result.body);
  });

  it('takes the source facts the page states: og:site_name, canonical URL, article:published_time', () => {
    expect(result.source).toEqual({
      publisher: 'The Tidewater Gazette',
      url: 'https://gazette.example.org/news/islanders-protest-ferry-cuts',
      published: '2026-04-09',
    });
  });

  it('invents no source fact a page does not state, and takes its single <h1> as the title', () => {
    const bare = importArticle(fixture('no-metadata.html'), 'html');
    expect(bare.source).toEqual({});
    expect(bare.title).toBe('Old bridge at Kessel closed after inspection finds corrosion');
    expect(textBlocks(bare.body)).toHaveLength(4);
  });

  it('reads the date from a single <time datetime> when there is no article:published_time', () => {
    const html = fixture('no-metadata.html').replace('<h1>', '<p><time datetime="2026-02-05T09:00">5 February</time></p><h1>');
    expect(importArticle(html, 'html').source).toEqual({ published: '2026-02-05' });
  });

  it('strips “| Publisher” from og:title, keeps an <h1> of the body as a subheading, drops links left without text', () => {
    const html = fixture('article.html')
      .replace('<h1>Islanders protest ferry cuts as operator blames fuel costs</h1>', '')
      .replace(
        'content="Islanders protest ferry cuts as operator blames fuel costs"',
        'content="Islanders protest ferry cuts | The Tidewater Gazette"',
      )
      .replace(
        '<h2>A school and a clinic</h2>',
        '<h1>A school and a clinic</h1><p>See the <a href="https://gazette.example.org/map"><img src="map.png" alt=""></a> above.</p>',
      );
    const page = importArticle(html, 'html');
    expect(page.title).toBe('Islanders protest ferry cuts');
    expect(page.body).toContain('## A school and a clinic');
    expect(page.body).not.toContain('](https://gazette.example.org/map)');
  });

  it('refuses a page with no article', () => {
    expect(() => importArticle(fixture('no-article.html'), 'html')).toThrow(/no article text found/);
  });

  it('asks for --title when the page states no headline', () => {
    const html = fixture('no-metadata.html').replace(/<h1>.*<\/h1>/, '');
    expect(() => importArticle(html, 'html')).toThrow(/--title/);
    expect(importArticle(html, 'html', { title: 'Kessel bridge closed' }).title).toBe('Kessel bridge closed');
  });
});

describe('input files', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('refuses an empty or blank file', () => {
    expect(() => decodeInput(new Uint8Array(), 'empty.txt')).toThrow(/empty\.txt is empty/);
    expect(() => decodeInput(bytes(readFileSync(join(FIXTURES, 'blank.txt'), 'utf8')), 'blank.txt')).toThrow(/is empty/);
  });

  it('refuses a binary file and one that is not UTF-8', () => {
    expect(() => decodeInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'archive.txt')).toThrow(/binary file/);
    expect(() => decodeInput(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e]), 'latin1.txt')).toThrow(/not UTF-8/);
  });

  it('refuses a file over 5 MB', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    expect(() => decodeInput(big, 'big.txt')).toThrow(/at most 5 MB/);
    expect(decodeInput(bytes('\uFEFFTitle line\r\n\r\nText.'), 'ok.txt')).toBe('Title line\n\nText.');
  });

  it('knows the formats by extension', () => {
    expect(formatOf('a/b.TXT')).toBe('txt');
    expect(formatOf('x.markdown')).toBe('md');
    expect(formatOf('page.htm')).toBe('html');
    expect(() => formatOf('scan.pdf')).toThrow(/\.pdf/);
  });
});

describe('drafts', () => {
  it('makes slugs of lower-case words, at most 80 characters, never a reserved name', () => {
    expect(slugify('Norvik port authority rejects fishing union’s claim')).toBe('norvik-port-authority-rejects-fishing-unions-claim');
    expect(slugify('Ostbrück: “A vote for common sense”')).toBe('ostbruck-a-vote-for-common-sense');
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
    expect(() => checkArticleSlug('page', '--slug')).toThrow(/keeps for its own pages/);
    expect(() => checkArticleSlug('Not A Slug', '--slug')).toThrow(/not a slug/);
  });

  it('tells a headline from running text', () => {
    expect(readsAsHeadline('Islanders protest ferry cuts')).toBe(true);
    expect(readsAsHeadline('The tram strike entered its third day on Wednesday.')).toBe(false);
    expect(readsAsHeadline('“We will not yield,” says minister')).toBe(false);
    expect(readsAsHeadline('Strike')).toBe(false);
  });

  it('writes a draft: draft: true, the title, the source facts, empty parties and claims, the body', () => {
    const file = draftFile({
      title: 'Budget: {braces} and <angles>',
      source: { publisher: 'The Gazette', published: '2026-04-09' },
      body: 'Text.\n',
    });
    const { frontmatter, content } = parseFrontmatter(file);
    expect(frontmatter).toMatchObject({
      draft: true,
      title: 'Budget: {braces} and <angles>',
      source: { publisher: 'The Gazette' },
      parties: [],
      claims: [],
    });
    expect(content.trim()).toBe('Text.');
  });
});
