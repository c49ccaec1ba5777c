import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { formatIssue, formatReport } from './contentIssues.ts';
import { checkArticles } from './checkArticles.ts';
import { errorsOf, messages } from './checkArticles.testing.ts';

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
