import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { type ContentIssue, errorsIn, formatIssue, formatReport } from './contentIssues.ts';
import { checkArticles } from './checkArticles.ts';

/** Runs the real checks and returns every issue as the editor reads it. */
function messages(...sources: ReturnType<typeof validSource>[]): string[] {
  return checkArticles(sources).issues.map(formatIssue);
}

function errorsOf(...sources: ReturnType<typeof validSource>[]): ContentIssue[] {
  return errorsIn(checkArticles(sources).issues);
}

describe('checkArticles on a valid article', () => {
  it('passes it with no issue and locates every quote', () => {
    const { articles, issues } = checkArticles([validSource()]);
    expect(issues).toEqual([]);
    expect(articles[0]!.quoteSpans.get('taliban-accuses')).toEqual([{ block: 1, start: 47, end: 66 }]);
  });
});

describe('schema errors', () => {
  it('names the file, the claim, and the missing field', () => {
    const source = validSource();
    delete source.data.claims[1].summary;
    expect(messages(source)).toEqual([
      'error: content/articles/sample.mdx › claims[1] "pakistan-rejects": summary: required field is missing\n    fix: add `summary` (string)',
    ]);
  });

  it('names a value of the wrong type', () => {
    const source = validSource();
    source.data.claims[0].about = 'pakistan';
    expect(messages(source)[0]).toContain('claims[0] "taliban-accuses": about: "pakistan" is not an array');
  });

  it('rejects an id that is not a slug, quoting it', () => {
    const source = validSource();
    source.data.parties[0].id = 'Pakistan Govt';
    expect(messages(source).join('\n')).toContain('parties[0] "Pakistan Govt": id: "Pakistan Govt" is not a slug');
  });

  it('names an unknown kind and lists the allowed ones', () => {
    const source = validSource();
    source.data.claims[0].kind = 'acuse';
    const [message] = messages(source);
    expect(message).toContain('claims[0] "taliban-accuses": kind: "acuse" is not an allowed value');
    expect(message).toContain(
      'fix: use one of: assert, accuse, deny, reject, admit, demand, warn, threaten, appeal, commit, claim-responsibility',
    );
  });

  it('names an unknown field', () => {
    const source = validSource();
    source.data.parties[1].alias = ['Kabul'];
    expect(messages(source)[0]).toContain('parties[1] "taliban-administration": unknown field(s) "alias"');
  });

  it('refuses an article with no claims', () => {
    const source = validSource();
    source.data.claims = [];
    expect(messages(source)[0]).toContain('sample.mdx: claims: an article needs at least one claim');
  });

  it('refuses an article with no parties, and says a draft may have none', () => {
    const source = validSource();
    source.data.parties = [];
    source.data.claims = [];
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx: parties: an article needs at least one party\n    fix: add the parties the claims are by and about, or set `draft: true` while you work',
      'error: content/articles/sample.mdx: claims: an article needs at least one claim\n    fix: add the claims, or set `draft: true` while you work',
    ]);
  });

  it('checks a draft like any article, but lets it have no parties or claims yet', () => {
    const draft = validSource();
    draft.data = { title: 'A draft', draft: true };
    const { articles, issues } = checkArticles([draft]);
    expect(issues).toEqual([]); // not even a warning that no block carries a claim: the draft has none yet
    expect(articles[0]!.data).toMatchObject({ draft: true, parties: [], claims: [] });
    draft.data.claims = [{ id: 'x', by: 'nobody', kind: 'assert', about: ['nobody'], summary: 'S.', quote: 'not in the text' }];
    expect(messages(draft).join('\n')).toContain('by: "nobody" is not a party of this article');
  });
});

describe('references between entries', () => {
  it('names a by, reportedBy or about that is not a party of the article', () => {
    const source = validSource();
    source.data.claims[0].by = 'taliban';
    source.data.claims[0].reportedBy = 'reuters';
    source.data.claims[1].about = ['taliban-administration', 'india'];
    const text = messages(source).join('\n');
    expect(text).toContain('claims[0] "taliban-accuses": by: "taliban" is not a party of this article');
    expect(text).toContain('claims[0] "taliban-accuses": reportedBy: "reuters" is not a party of this article');
    expect(text).toContain('claims[1] "pakistan-rejects": about[1]: "india" is not a party of this article');
    expect(text).toContain("fix: use one of the article's party ids (pakistan, taliban-administration)");
  });

  it('names a respondsTo that does not exist, and one that points at itself', () => {
    const source = validSource();
    source.data.claims[1].respondsTo = ['taliban-says', 'pakistan-rejects'];
    const text = messages(source).join('\n');
    expect(text).toContain('claims[1] "pakistan-rejects": respondsTo[0]: "taliban-says" is not a claim of this article');
    expect(text).toContain('claims[1] "pakistan-rejects": respondsTo[1]: "pakistan-rejects" is the claim itself');
  });

  it('names duplicate claim ids and duplicate party ids', () => {
    const source = validSource();
    source.data.claims[1].id = 'taliban-accuses';
    source.data.claims[1].respondsTo = [];
    source.data.parties.push({ id: 'pakistan', name: 'Pakistan', kind: 'state', aliases: [] });
    const text = messages(source).join('\n');
    expect(text).toContain('claims[1] "taliban-accuses": claim id "taliban-accuses" is used twice in this article');
    expect(text).toContain('parties[2] "pakistan": party id "pakistan" is defined twice in this article');
  });
});

describe('quotes', () => {
  it('names a quote that is not in the text and shows the near match (straight vs curly apostrophe)', () => {
    const source = validSource();
    source.data.claims[0].quote = "Taliban administration's spokesperson";
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[0] "taliban-accuses": quote: "Taliban administration\'s spokesperson" does not occur verbatim in the text; block 2 has "Taliban administration’s spokesperson"\n    fix: copy the quote from the text exactly (apostrophes, dashes and case must match)',
    ]);
  });

  it('shows the near match for different spacing and case', () => {
    const source = validSource();
    source.data.claims[1].quote = 'it  Rejects the accusation';
    expect(messages(source)[0]).toContain('block 1 has "it rejects the accusation"');
  });

  it('names a quote with no near match', () => {
    const source = validSource();
    source.data.claims[1].quote = 'it denies everything';
    expect(messages(source)[0]).toContain('quote: "it denies everything" does not occur verbatim in the text\n    fix: copy an exact span');
  });

  it('refuses a quote that occurs twice unless the claim says which occurrence', () => {
    const source = validSource();
    source.data.claims[1].quote = 'Pakistan';
    expect(messages(source)[0]).toContain('claims[1] "pakistan-rejects": quote: "Pakistan" occurs 2 times in the text (blocks 1, 2)');
    expect(messages(source)[0]).toContain('fix: add `occurrence: N` (1 to 2, in reading order)');

    source.data.claims[1].occurrence = 1;
    const { articles, issues } = checkArticles([source]);
    expect(issues).toEqual([]);
    expect(articles[0]!.quoteSpans.get('pakistan-rejects')).toEqual([{ block: 0, start: 0, end: 8 }]);

    source.data.claims[1].occurrence = 3;
    expect(messages(source)[0]).toContain('occurrence: 3 is out of range; the quote occurs 2 time(s)');
  });
});

describe('articles together', () => {
  it('refuses one party id defined with a different kind in two articles', () => {
    const other = validSource({ file: 'content/articles/other.mdx', slug: 'other' });
    other.data.parties[0] = { id: 'pakistan', name: 'Pakistan', kind: 'government', aliases: [] };
    expect(messages(validSource(), other).join('\n')).toContain(
      'other.mdx › parties[0] "pakistan": kind: "government" differs from "state" for the same party id in content/articles/sample.mdx',
    );
  });

  it('lets each article use its own name for a shared party', () => {
    const other = validSource({
      file: 'content/articles/other.mdx',
      slug: 'other',
      body: 'Islamabad says it rejects the accusation.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    other.data.parties[0] = { id: 'pakistan', name: 'Islamabad', kind: 'state', aliases: [] };
    expect(errorsOf(validSource(), other)).toEqual([]);
  });

  it('never merges unnamed sources: their id may not repeat across articles', () => {
    const withSources = (slug: string) => {
      const source = validSource({ file: `content/articles/${slug}.mdx`, slug });
      source.data.parties.push({ id: 'officials', name: 'Officials who asked not to be named', kind: 'unnamed-sources' });
      source.data.claims[0].reportedBy = 'officials';
      return source;
    };
    expect(messages(withSources('one'), withSources('two'))).toContain(
      'error: content/articles/two.mdx › parties[2] "officials": unnamed sources "officials" are also defined in content/articles/one.mdx; unnamed sources of two articles are never known to be the same\n    fix: give them an id unique to this article, e.g. "two-officials"',
    );
  });

  it('checks answers to claims of other articles: the article and the claim must exist', () => {
    const other = validSource({ file: 'content/articles/other.mdx', slug: 'other' });
    other.data.claims[0].respondsTo = ['sample#pakistan-rejects', 'sample#nothing-said', 'missing-article#x', 'other#pakistan-rejects'];
    const text = messages(validSource(), other).join('\n');
    expect(text).toContain(
      'other.mdx › claims[0] "taliban-accuses": respondsTo[1]: "sample#nothing-said": content/articles/sample.mdx has no claim "nothing-said"',
    );
    expect(text).toContain('respondsTo[2]: "missing-article#x" names the article "missing-article", which is not in the content');
    expect(text).not.toContain('respondsTo[0]');
    expect(text).not.toContain('respondsTo[3]');
  });

  it('reports every error of every file in one run, not only the first', () => {
    const first = validSource();
    first.data.claims[0].by = 'nobody';
    first.data.claims[1].quote = 'not there';
    const second = validSource({ file: 'content/articles/second.mdx', slug: 'second' });
    second.data.claims[0].kind = 'shout';
    const errors = errorsOf(first, second);
    expect(errors.map((issue) => `${issue.file} ${issue.entry}`)).toEqual([
      'content/articles/sample.mdx claims[0] "taliban-accuses"',
      'content/articles/sample.mdx claims[1] "pakistan-rejects"',
      'content/articles/second.mdx claims[0] "taliban-accuses"',
    ]);
    expect(formatReport(errors)).toMatch(/3 error\(s\), 0 warning\(s\)$/);
  });

  it('also checks the well-formed entries of an article with a schema error', () => {
    const source = validSource();
    source.data.claims[0].kind = 'shout'; // a schema error in the claim the other one answers
    source.data.claims[1].quote = 'it Rejects the accusation';
    source.data.claims[1].about = ['nobody'];
    const errors = errorsOf(source).map((issue) => `${issue.entry}: ${issue.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^claims\[0\] "taliban-accuses": kind: "shout" is not an allowed value/),
      'claims[1] "pakistan-rejects": about[0]: "nobody" is not a party of this article',
      'claims[1] "pakistan-rejects": quote: "it Rejects the accusation" does not occur verbatim in the text; block 1 has "it rejects the accusation"',
    ]);
  });
});

describe('the body', () => {
  it('refuses an empty body', () => {
    expect(messages(validSource({ body: '\n  \n' }))[0]).toBe(
      'error: content/articles/sample.mdx › body: the article has no text\n    fix: paste the article text below the frontmatter, one paragraph per source paragraph',
    );
  });
});

describe('warnings', () => {
  it('warns, without failing, of a party no claim uses and a paragraph without a claim', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n\nA third paragraph.\n',
    });
    source.data.parties.push({ id: 'ttp', name: 'Tehreek-e-Taliban Pakistan', kind: 'armed-group', aliases: ['TTP'] });
    const { articles, issues } = checkArticles([source]);
    expect(articles).toHaveLength(1);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(issues.map(formatIssue)).toEqual([
      'warning: content/articles/sample.mdx › parties[2] "ttp": party "ttp" is defined but no claim is by, reported by or about it\n    fix: remove it, or add the claims that concern it',
      'warning: content/articles/sample.mdx › parties[2] "ttp": neither the name "Tehreek-e-Taliban Pakistan" nor any alias occurs in the text\n    fix: add the words the text uses for this party to `aliases`: a party is one the text names',
      'warning: content/articles/sample.mdx › block 3 (paragraph): carries no claim\n    fix: check whether its assertions were extracted',
    ]);
  });
});

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

describe('hostile and careless input', () => {
  it('refuses links that are not web or e-mail addresses, and images, naming the line', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation, [click](javascript:alert(1)).\n\n![x](https://tracker.example/p.png) The Taliban administration’s spokesperson said Pakistan interferes, [per](https://example.org) [mail](mailto:desk@example.org).\n',
    });
    const errors = errorsOf(source).map(formatIssue);
    expect(errors).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a link to "javascript:alert(1)": only http: and https: addresses are allowed\n    fix: keep the link text and remove the link, or give its web address',
      'error: content/articles/sample.mdx › body, line 3: an image ("https://tracker.example/p.png") is not part of the text the site keeps\n    fix: leave the image out; if the text refers to it, its words stay',
    ]);
  });

  it('refuses a source URL that is not http: or https:', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://example.org/a']) {
      const source = validSource();
      source.data.source = { url };
      expect(messages(source)[0], url).toContain(`source.url: ${JSON.stringify(url)} is not an http: or https: address`);
    }
  });

  it('refuses control characters in a field and in the body, saying where', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\u0007\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.title = 'Sample\u0000 title';
    const text = messages(source).join('\n');
    expect(text).toContain('title: has a control character (U+0000) at character 7; remove it');
    expect(text).toContain('body, line 1: the text has a control character (U+0007)');
  });

  it('keeps ids to 100 characters and fields to a sane length', () => {
    const source = validSource();
    source.data.parties[0].id = 'p'.repeat(300);
    source.data.claims[0].summary = 'word '.repeat(400);
    const text = messages(source).join('\n');
    expect(text).toContain("id: at most 100 characters, so that every page's path fits every file system");
    expect(text).toContain('summary: at most 1000 characters');
  });

  it('cuts a long value in a message to its first 80 characters and its length', () => {
    const source = validSource();
    source.data.claims[0].quote = 'x'.repeat(4000);
    const [message] = messages(source);
    expect(message).toContain(`quote: "${'x'.repeat(79)}… (4002 characters) does not occur verbatim in the text`);
    expect(message!.length).toBeLessThan(400);
  });

  it('finds a quote written in the other Unicode normal form', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation of the Café.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n'.normalize(
        'NFC',
      ),
    });
    source.data.claims[1].quote = 'it rejects the accusation of the Café'.normalize('NFD');
    expect(errorsOf(source)).toEqual([]);
  });

  it('says which invisible character keeps a quote from matching, and where', () => {
    const inText = validSource({
      body: 'Pakistan says it rejects the\u200b accusation.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    expect(messages(inText)[0]).toContain(
      'quote: "it rejects the accusation" differs from block 1 of the text only by an invisible U+200B ZERO WIDTH SPACE there, at character 29',
    );
    const inQuote = validSource();
    inQuote.data.claims[1].quote = 'it rejects\u2060 the accusation';
    expect(messages(inQuote)[0]).toContain('has an invisible U+2060 WORD JOINER at character 11, which the text does not');
  });

  it('refuses an empty or blank quote span', () => {
    const source = validSource();
    source.data.claims[1].quote = ['it rejects', '   '];
    expect(messages(source)[0]).toContain('claims[1] "pakistan-rejects": quote[1]:');
  });
  it('refuses a text nested deeper than the build can render (the build crashed on it), at the line the limit is passed', () => {
    const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');
    expect(messages(validSource({ body: `Pakistan says it rejects the accusation.\n\n${nestedList(60)}\n` }))).toEqual([
      'error: content/articles/sample.mdx › body, line 22: the text is nested 122 levels deep from here (lists, block quotes, emphasis or links inside each other); the site reads at most 40\n' +
        '    fix: write the text as the source has it: a news text nests a list or a quotation a few levels at most',
    ]);
    expect(messages(validSource({ body: `${'*'.repeat(2000)}x${'*'.repeat(2000)}\n` }))[0]).toContain(
      'body, line 1: the text is nested 1002 levels deep',
    );
    // So deep that the parser itself would run out of stack: a message, not a crash.
    expect(messages(validSource({ body: `${'>'.repeat(10000)} deep\n` }))[0]).toContain(
      'body, line 1: the line starts with 10001 characters of indentation and list or quotation markers',
    );
    const atTheLimit = Array.from({ length: 19 }, (_, level) => `${'  '.repeat(level)}- Pakistan interferes`).join('\n');
    expect(errorsOf(validSource({ body: `Pakistan says it rejects the accusation.\n\n${atTheLimit}\n` })).map(formatIssue)).toEqual([
      expect.stringContaining('occurs 19 times'),
    ]);
  });

  it('does not report every quote missing when the text cannot be read or is empty', () => {
    expect(messages(validSource({ body: 'Pakistan says <javascript:alert(1)> it rejects the accusation.\n' }))).toEqual([
      expect.stringMatching(/^error: content\/articles\/sample\.mdx › body, line 1: the text cannot be read: /),
    ]);
    expect(messages(validSource({ body: ' \n\t\n' }))).toEqual([
      'error: content/articles/sample.mdx › body: the article has no text\n    fix: paste the article text below the frontmatter, one paragraph per source paragraph',
    ]);
  });

  it('refuses a code block and a footnote, which would render apart from the blocks a claim can quote', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.[^1]\n\n```\nsome <script> code\n```\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n\n[^1]: A note.\n',
    });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a footnote mark ([^…]) is not part of the text the site keeps: it links to a footnote shown apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: write the footnote as a paragraph at the end of the text, and remove its mark from the sentence (or write it as `\\[^1]`)',
      'error: content/articles/sample.mdx › body, line 3: a code block (``` or ~~~ fences) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: remove the fences and keep its lines as paragraphs of the text, or leave the block out if it is not part of the article',
      'error: content/articles/sample.mdx › body, line 9: a footnote ([^…]: …) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: write the footnote as a paragraph at the end of the text, without its `[^…]:` label',
    ]);
    // Escaped, the mark is text.
    expect(
      errorsOf(
        validSource({
          body: 'Pakistan says it rejects the accusation.\\[^1]\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
        }),
      ),
    ).toEqual([]);
  });
  it('says when a quote was copied with Markdown the page does not show (emphasis, an escape), and what the page reads', () => {
    const source = validSource({
      body: 'Pakistan says it *rejects* the accusation\\.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.claims[1].quote = 'it *rejects* the accusation\\.';
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[1] "pakistan-rejects": quote: "it *rejects* the accusation\\\\." has Markdown markup the page does not show; block 1 reads "it rejects the accusation."\n' +
        '    fix: quote the words as a reader sees them, without `*`, `_`, `\\`, character references or link syntax: "it rejects the accusation."',
    ]);
    source.body =
      'Pakistan says it rejects the accusation &amp; the claim.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n';
    source.data.claims[1].quote = 'the accusation &amp; the claim';
    expect(errorsOf(source).map(formatIssue)[0]).toContain(
      'has Markdown markup the page does not show; block 1 reads "the accusation & the claim"',
    );
  });
  it('names each block a repeated quote occurs in once, and at most ten of them', () => {
    const paragraph = 'Pakistan says it rejects the accusation. Pakistan interferes, Pakistan interferes.';
    const source = validSource({ body: Array.from({ length: 40 }, () => paragraph).join('\n\n') });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[0] "taliban-accuses": quote: "Pakistan interferes" occurs 80 times in the text (blocks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (40 blocks))\n' +
        '    fix: add `occurrence: N` (1 to 80, in reading order) or quote a longer, unique span',
      expect.stringContaining('"it rejects the accusation" occurs 40 times'),
    ]);
    source.body = `${paragraph}\n\nThe Taliban administration’s spokesperson.\n`;
    expect(messages(source)[0]).toContain('"Pakistan interferes" occurs 2 times in the text (block 1)');
  });
  it('refuses a task list box and a link with no text, which would put a checkbox or an unnamed link on the page', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation [](https://example.org).\n\n- [ ] The Taliban administration’s spokesperson said Pakistan interferes.\n- \\[x] escaped\n',
    });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a link with no text (`[](…)`) would be an empty, unnamed link on the page\n' +
        '    fix: put the words of the text that link inside the brackets, or remove the link',
      'error: content/articles/sample.mdx › body, line 3: a task list box (`[ ]` or `[x]` at the start of a list item) is not part of the text the site keeps: the page would show a checkbox\n' +
        '    fix: if the source shows the brackets as text, write them as `\\[ ]`; otherwise leave them out',
    ]);
  });
  it('refuses a quote, a title or a name of only invisible characters, and shows them escaped', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\u200b\u200b\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.claims[1].quote = '\u200b\u200b';
    source.data.title = ' \u2060\u200e ';
    const visible = 'has no visible character, only spaces and invisible ones (zero-width, direction marks); write the words';
    expect(errorsOf(source).map(formatIssue)).toEqual([
      `error: content/articles/sample.mdx: title: ${visible} (got " \\u2060\\u200E ")`,
      `error: content/articles/sample.mdx › claims[1] "pakistan-rejects": quote: ${visible} (got "\\u200B\\u200B")`,
    ]);
    // A name that has letters keeps its joiners (Persian writes a zero-width non-joiner inside words).
    source.data.title = 'می\u200cخواهم';
    source.data.claims[1].quote = 'it rejects the accusation';
    expect(errorsOf(source)).toEqual([]);
  });
  it('refuses a claim listed twice in respondsTo (the page listed the answer twice both ways)', () => {
    const source = validSource();
    source.data.claims[1].respondsTo = ['taliban-accuses', 'taliban-accuses'];
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[1] "pakistan-rejects": respondsTo[1]: "taliban-accuses" is listed twice\n    fix: list it once: the page would show the answer twice',
    ]);
  });
  it('names the look-alike character that keeps an id from being a slug (a Cyrillic о, a capital)', () => {
    const source = validSource();
    source.data.parties[0].id = 'pakistаn'; // the "a" after "t" is U+0430 CYRILLIC SMALL LETTER A
    expect(messages(source)[0]).toContain('id: "pakistаn" is not a slug (character 7 is U+0430, not a lower-case a–z)');
    source.data.parties[0].id = 'Pakistan';
    expect(messages(source)[0]).toContain('id: "Pakistan" is not a slug (character 1 is U+0050, not a lower-case a–z)');
    source.data.parties[0].id = 'pakistan govt';
    expect(messages(source)[0]).toContain('id: "pakistan govt" is not a slug: use lower-case letters');
  });
});
