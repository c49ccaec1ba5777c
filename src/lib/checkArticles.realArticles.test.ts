// The content check on the shapes of real articles: blocks, spans, new fields, and the names the site keeps.
import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { errorsIn } from './contentIssues.ts';
import { checkArticles } from './checkArticles.ts';
import { errorsOf, messages } from './checkArticles.testing.ts';

describe('real articles: blocks, spans and new fields', () => {
  const body = [
    '## Pakistan answers',
    '- Pakistan says it rejects the accusation.',
    '> “We will not yield,” the spokesperson said.',
    '>',
    '> “Not today, and not tomorrow.”',
    'The Taliban administration’s spokesperson said Pakistan *allegedly* interferes.',
  ].join('\n\n');

  it('quotes a heading, a list item and a block quote, and a list of spans over two blocks', () => {
    const source = validSource({ body });
    source.data.claims[0].quote = ['Pakistan', 'interferes'];
    source.data.claims.push({
      id: 'no-yield',
      by: 'pakistan',
      kind: 'reject',
      about: ['taliban-administration'],
      summary: 'Pakistan says it will not yield.',
      quote: ['“We will not yield,”', '“Not today, and not tomorrow.”'],
    });
    source.data.claims.push({
      id: 'answers',
      by: 'pakistan',
      kind: 'assert',
      about: ['pakistan'],
      summary: 'A heading.',
      quote: 'Pakistan answers',
    });
    const { articles, issues } = checkArticles([source]);
    expect(errorsIn(issues)).toEqual([]);
    const spans = articles[0]!.quoteSpans;
    expect(spans.get('answers')).toEqual([{ block: 0, start: 0, end: 16 }]);
    expect(spans.get('pakistan-rejects')!.map((span) => span.block)).toEqual([1]);
    expect(spans.get('no-yield')!.map((span) => span.block)).toEqual([2, 3]);
    expect(spans.get('taliban-accuses')!.map((span) => span.block)).toEqual([4, 4]);
  });

  it('refuses one quote string that runs over two blocks, and shows it as a list', () => {
    const source = validSource({ body });
    source.data.claims[0].quote = 'the spokesperson said. “Not today,';
    expect(messages(source)[0]).toBe(
      'error: content/articles/sample.mdx › claims[0] "taliban-accuses": quote: "the spokesperson said. “Not today," runs from block 3 into block 4; one quote string stays inside one block\n' +
        '    fix: write the quote as a list of spans, one per block: quote: ["the spokesperson said.", "“Not today,"]',
    );
  });

  it('names the span of a list that is missing, or out of order', () => {
    const source = validSource({ body });
    source.data.claims[0].quote = ['Pakistan', 'meddles'];
    expect(messages(source)[0]).toContain('claims[0] "taliban-accuses": quote[1]: "meddles" does not occur verbatim in the text');
    source.data.claims[0].quote = ['“Not today, and not tomorrow.”', '“We will not yield,”'];
    expect(messages(source)[0]).toContain(
      'quote[1]: "“We will not yield,”" does not follow the span before it in the same block or the next one',
    );
  });

  it('says what a quote must be when it is neither a string nor a list of strings', () => {
    const source = validSource();
    source.data.claims[0].quote = 42;
    expect(messages(source)[0]).toContain('claims[0] "taliban-accuses": quote: 42 is neither a string nor a list of strings');
  });

  it('accepts the new claim fields, an answer to another article, plain YAML dates and a truncated source', () => {
    const source = validSource();
    Object.assign(source.data.claims[0], { kind: 'threaten', date: new Date('2025-03-14'), channel: 'in a statement' });
    source.data.claims[1].kind = 'admit';
    source.data.source = { published: new Date('2023-01-05'), retrieved: '2023-01-06', truncated: true };
    const { articles, issues } = checkArticles([source]);
    expect(issues).toEqual([]);
    expect(articles[0]!.data.source).toEqual({ published: '2023-01-05', retrieved: '2023-01-06', truncated: true });
    expect(articles[0]!.data.claims[0]).toMatchObject({ date: '2025-03-14', channel: 'in a statement' });
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    const source = validSource();
    source.data.claims[0].date = '14 March 2025';
    expect(messages(source)[0]).toContain('claims[0] "taliban-accuses": date: "14 March 2025" is not a date written YYYY-MM-DD');
  });

  it('checks speaksFor: a party of the article, not itself', () => {
    const source = validSource();
    source.data.parties.push({
      id: 'spokesperson',
      name: 'Taliban administration’s spokesperson',
      kind: 'person',
      speaksFor: 'taliban-administration',
    });
    source.data.claims[0].by = 'spokesperson';
    expect(errorsOf(source)).toEqual([]);
    source.data.parties[2].speaksFor = 'kabul';
    expect(messages(source)[0]).toContain('parties[2] "spokesperson": speaksFor: "kabul" is not a party of this article');
    source.data.parties[2].speaksFor = 'spokesperson';
    expect(messages(source)[0]).toContain('parties[2] "spokesperson": speaksFor: "spokesperson" is the party itself');
  });

  it('refuses MDX code in the body, naming the line of the file', () => {
    const source = validSource({
      body: '\n\n\nPakistan says it rejects the accusation {process.env.HOME}.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    expect(messages(source)[0]).toBe(
      'error: content/articles/sample.mdx › body, line 4: a `{…}` expression is MDX code, and an article body is text only: code in it would run when the site is built\n' +
        '    fix: if the source text has these characters, write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`',
    );
  });

  it('reports a body MDX cannot read (an HTML comment) as an error with its line, not a crash', () => {
    const source = validSource({ body: 'Pakistan says it rejects the accusation.\n\n<!-- editor note -->\n' });
    const [message] = messages(source);
    expect(message).toMatch(/^error: content\/articles\/sample\.mdx › body, line 3: the text cannot be read: /);
    expect(message).toContain('leave out HTML comments');
  });

  it('does not ask a publication or unnamed sources to be named in the text', () => {
    const source = validSource();
    source.data.parties.push({ id: 'sample-desk', name: 'The publication (not named in the source)', kind: 'publication' });
    source.data.parties.push({ id: 'sample-officials', name: 'Officials', kind: 'unnamed-sources' });
    source.data.claims[0].reportedBy = 'sample-desk';
    source.data.claims[1].reportedBy = 'sample-officials';
    expect(checkArticles([source]).issues).toEqual([]);
  });
});

describe('names the site keeps', () => {
  it('refuses a party id that a page of the site uses ("page", "index")', () => {
    const source = validSource();
    source.data.parties[1].id = 'page';
    source.data.claims[0].by = 'page';
    source.data.claims[1].about = ['page'];
    expect(messages(source)[0]).toBe(
      'error: content/articles/sample.mdx › parties[1] "page": id: "page" is a name the site keeps for its own pages (page, index)\n    fix: choose another id, e.g. from the party\'s name',
    );
  });
});
