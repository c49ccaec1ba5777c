import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { buildReferenceIndex } from './referenceIndex.ts';
import { type ClaimInRecord, searchRecords, WORD_SEPARATORS, type SearchRecord } from './searchRecords.ts';
import { type ArticleSource, checkArticles } from './checkArticles.ts';
import { runContentCheck } from '../node/runContentCheck.ts';

function index(...sources: ArticleSource[]) {
  const result = checkArticles(sources);
  expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  return buildReferenceIndex(result.articles);
}

/** A second article: a spokesperson speaking for Pakistan, a quote in two spans, a party named like one of the first article. */
function secondSource(): ArticleSource {
  return {
    file: 'content/articles/border-talks.mdx',
    slug: 'border-talks',
    body: 'The spokesperson said talks resumed, adding that Kabul was consulted.\n\nA Pakistan newspaper disagreed.\n',
    data: {
      title: 'Border talks',
      dek: 'Talks at the border.',
      source: { publisher: 'The Ledger', published: '2025-03-14' },
      parties: [
        { id: 'pakistan', name: 'Pakistan', kind: 'state', aliases: ['Kabul'] },
        { id: 'fo-spokesperson', name: 'Foreign Office spokesperson', kind: 'person', speaksFor: 'pakistan', aliases: ['spokesperson'] },
        { id: 'pakistan-newspaper', name: 'Pakistan', kind: 'publication', aliases: [] },
      ],
      claims: [
        {
          id: 'talks-resumed',
          by: 'fo-spokesperson',
          kind: 'assert',
          about: ['pakistan'],
          summary: 'The spokesperson says talks resumed.',
          quote: ['talks resumed,', 'Kabul was consulted.'],
          date: '2025-03-13',
        },
        {
          id: 'newspaper-disagrees',
          by: 'pakistan-newspaper',
          kind: 'deny',
          about: ['fo-spokesperson'],
          summary: 'A newspaper disagrees.',
          quote: 'newspaper disagreed',
        },
      ],
    },
  };
}

const byUrl = (records: SearchRecord[], url: string) => records.find((record) => record.url === url)!;

describe('searchRecords', () => {
  it('makes one record per article and per party, in a stable order: no record per claim', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    expect(records.map((record) => `${record.meta.type} ${record.url}`)).toEqual([
      'article /articles/border-talks/',
      'article /articles/sample/',
      'party /parties/fo-spokesperson/',
      'party /parties/pakistan/',
      'party /parties/pakistan-newspaper/',
      'party /parties/taliban-administration/',
    ]);
    expect(records.every((record) => record.language === 'en')).toBe(true);
    expect(searchRecords(index(validSource(), secondSource()))).toEqual(records);
  });

  it('places each claim of an article after its text, where the page finds its quote and summary by word positions', () => {
    const article = byUrl(searchRecords(index(validSource(), secondSource())), '/articles/border-talks/');
    const words = article.content.split(WORD_SEPARATORS);
    const claims = JSON.parse(article.meta.claimList!) as ClaimInRecord[];
    expect(words.slice(0, Number(article.meta.textWords)).join(' ')).toBe(
      'Border talks Talks at the border. The spokesperson said talks resumed, adding that Kabul was consulted. A Pakistan newspaper disagreed.',
    );
    const at = (claim: ClaimInRecord) => {
      const summaryFrom = claim.start + claim.quoteWords;
      const namesFrom = summaryFrom + claim.summaryWords;
      return {
        quote: words.slice(claim.start, summaryFrom).join(' '),
        summary: words.slice(summaryFrom, namesFrom).join(' '),
        names: words.slice(namesFrom, namesFrom + claim.nameWords).join(' '),
      };
    };
    // A quote's spans joined as the claim cards join them; the names of its claimant, the party it speaks for and
    // the parties it is about after its summary.
    expect(claims.map(at)).toEqual([
      {
        quote: 'talks resumed, … Kabul was consulted.',
        summary: 'The spokesperson says talks resumed.',
        names: 'Foreign Office spokesperson Pakistan Pakistan',
      },
      { quote: 'newspaper disagreed', summary: 'A newspaper disagrees.', names: 'Pakistan Foreign Office spokesperson' },
    ]);
    // Each claim's words follow the last one's, and the last claim's end the content: nothing the page would misplace.
    expect(claims[1]!.start).toBe(claims[0]!.start + claims[0]!.quoteWords + claims[0]!.summaryWords + claims[0]!.nameWords);
    const last = claims.at(-1)!;
    expect(last.start + last.quoteWords + last.summaryWords + last.nameWords).toBe(words.length);
    expect(article.meta).toMatchObject({
      type: 'article',
      title: 'Border talks',
      source: 'The Ledger, 2025-03-14',
      claims: '2',
      parties: '3',
    });
  });

  it('gives each claim its number, kind, parties and facet values: a spokesperson’s claim is by the party it speaks for too', () => {
    const article = byUrl(searchRecords(index(validSource(), secondSource())), '/articles/border-talks/');
    const [talks, denial] = JSON.parse(article.meta.claimList!) as ClaimInRecord[];
    expect(talks).toMatchObject({
      anchor: 'claim-talks-resumed',
      number: 1,
      kind: 'assert',
      by: 'Foreign Office spokesperson',
      through: 'Pakistan',
      about: 'Pakistan',
      facets: { by: ['Foreign Office spokesperson', 'Pakistan (pakistan)'], about: ['Pakistan (pakistan)'] },
    });
    expect(denial).toMatchObject({
      anchor: 'claim-newspaper-disagrees',
      number: 2,
      kind: 'deny',
      by: 'Pakistan',
      about: 'Foreign Office spokesperson',
      facets: { by: ['Pakistan (pakistan-newspaper)'], about: ['Foreign Office spokesperson'] },
    });
    const sample = JSON.parse(byUrl(searchRecords(index(validSource())), '/articles/sample/').meta.claimList!) as ClaimInRecord[];
    expect(sample.find((claim) => claim.anchor === 'claim-taliban-accuses')).toMatchObject({ speaker: 'spokesperson', kind: 'accuse' });
  });

  it('gives every claim of the fixture articles facet values its article’s filters hold, and every filter value a claim', () => {
    const reference = buildReferenceIndex(runContentCheck('tests/fixtures/articles').articles);
    const articles = searchRecords(reference).filter((record) => record.meta.type === 'article');
    expect(articles.length).toBe(reference.articles.length);
    for (const article of articles) {
      const claims = JSON.parse(article.meta.claimList!) as ClaimInRecord[];
      expect(claims.length, article.url).toBeGreaterThan(0);
      const held = {
        by: new Set(claims.flatMap((claim) => claim.facets.by)),
        about: new Set(claims.flatMap((claim) => claim.facets.about)),
        kind: new Set(claims.map((claim) => claim.kind)),
      };
      for (const key of ['by', 'about', 'kind'] as const)
        expect([...held[key]].sort(), `${article.url} ${key}`).toEqual([...article.filters[key]!].sort());
    }
  });

  it('filters an article by its claims: every claimant, party spoken for, party claimed about and kind, with unique labels', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    // Two parties named Pakistan are told apart by their ids.
    expect(byUrl(records, '/articles/border-talks/').filters).toEqual({
      type: ['article', 'claim'],
      by: ['Foreign Office spokesperson', 'Pakistan (pakistan)', 'Pakistan (pakistan-newspaper)'],
      about: ['Pakistan (pakistan)', 'Foreign Office spokesperson'],
      kind: ['assert', 'deny'],
      article: ['Border talks'],
    });
    expect(byUrl(records, '/articles/sample/').filters).toMatchObject({ type: ['article', 'claim'], kind: ['reject', 'accuse'] });
  });

  it('makes a party a record of every name, alias and description the articles give it', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    const pakistan = byUrl(records, '/parties/pakistan/');
    expect(pakistan.content.split('\n')).toEqual(['Pakistan', 'Kabul', 'Islamabad']);
    expect(pakistan.meta).toEqual({
      type: 'party',
      title: 'Pakistan',
      kind: 'state',
      alsoCalled: 'Kabul, Islamabad',
      articles: '2',
      claimsBy: '2',
      claimsAbout: '2',
    });
    expect(pakistan.filters).toEqual({
      type: ['party'],
      by: ['Pakistan (pakistan)'],
      about: ['Pakistan (pakistan)'],
      article: ['Border talks', 'Sample'],
    });
    // A party no claim is about has no `about` value to offer.
    expect(byUrl(records, '/parties/pakistan-newspaper/').filters).toEqual({
      type: ['party'],
      by: ['Pakistan (pakistan-newspaper)'],
      article: ['Border talks'],
    });
  });

  it('keeps markup in the frontmatter as text: the page builds results with textContent, never as HTML', () => {
    const source = validSource();
    source.data.claims[0].summary = 'Says <script>alert(1)</script> & more.';
    const article = byUrl(searchRecords(index(source)), '/articles/sample/');
    expect(article.content.split('\n')).toContain('Says <script>alert(1)</script> & more.');
  });
});
