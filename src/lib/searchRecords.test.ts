import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { buildReferenceIndex } from './referenceIndex.ts';
import {
  claimsIndexFolders,
  type QuickClaim,
  quickRecords,
  searchRecordCount,
  searchRecords,
  WORD_SEPARATORS,
  type SearchRecord,
} from './searchRecords.ts';
import { type ArticleSource, checkArticles } from './checkArticles.ts';

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
  it('makes one record per claim, per article and per party, in a stable order', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    expect(records.map((record) => `${record.meta.type} ${record.url}`)).toEqual([
      'article /articles/border-talks/',
      'claim /articles/border-talks/#claim-talks-resumed',
      'claim /articles/border-talks/#claim-newspaper-disagrees',
      'article /articles/sample/',
      'claim /articles/sample/#claim-pakistan-rejects',
      'claim /articles/sample/#claim-taliban-accuses',
      'party /parties/fo-spokesperson/',
      'party /parties/pakistan/',
      'party /parties/pakistan-newspaper/',
      'party /parties/taliban-administration/',
    ]);
    expect(records.every((record) => record.language === 'en')).toBe(true);
    expect(searchRecords(index(validSource(), secondSource()))).toEqual(records);
    expect(searchRecordCount(index(validSource(), secondSource()))).toBe(records.length);
    expect(searchRecordCount(index(validSource()))).toBe(searchRecords(index(validSource())).length);
  });

  it('gives a claim its number, kind, claimant, parties concerned and quote, and links it to its card', () => {
    const records = searchRecords(index(validSource()));
    const claim = byUrl(records, '/articles/sample/#claim-taliban-accuses');
    expect(claim.meta).toEqual({
      type: 'claim',
      number: '2',
      kind: 'accuse',
      by: 'Taliban administration',
      about: 'Pakistan',
      speaker: 'spokesperson',
      quoteWords: '2',
      summaryWords: '6',
      article: 'Sample',
    });
    expect(claim.filters).toEqual({
      type: ['claim'],
      by: ['Taliban administration'],
      about: ['Pakistan'],
      kind: ['accuse'],
      article: ['Sample'],
    });
    // The quote first, on its own line, then the summary and the names a reader may search for.
    expect(claim.content.split('\n')).toEqual([
      'Pakistan interferes',
      'The Taliban administration says Pakistan interferes.',
      'spokesperson',
      'Taliban administration',
      'Pakistan',
    ]);
  });

  it('holds a claim’s quote and summary once, in its content: none of its meta repeats them', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    const claims = records.filter((record) => record.meta.type === 'claim');
    expect(claims).toHaveLength(4);
    for (const claim of claims) {
      const [quote, summary] = claim.content.split('\n');
      for (const value of Object.values(claim.meta)) {
        expect(value).not.toContain(quote);
        expect(value).not.toContain(summary);
      }
    }
  });

  it('counts a spokesperson’s claim as by the party it speaks for too, and joins a quote’s spans as the cards do', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    const claim = byUrl(records, '/articles/border-talks/#claim-talks-resumed');
    const words = claim.content.split(WORD_SEPARATORS);
    expect(claim.meta.quoteWords).toBe('6');
    expect(words.slice(0, 6).join(' ')).toBe('talks resumed, … Kabul was consulted.');
    expect(words.slice(6, 6 + Number(claim.meta.summaryWords)).join(' ')).toBe('The spokesperson says talks resumed.');
    expect(claim.meta).toMatchObject({ by: 'Foreign Office spokesperson', through: 'Pakistan', date: '2025-03-13', number: '1' });
    expect(claim.filters.by).toEqual(['Foreign Office spokesperson', 'Pakistan (pakistan)']);
  });

  it('keeps facet values unique: two parties with one name are told apart by their ids', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    const denial = byUrl(records, '/articles/border-talks/#claim-newspaper-disagrees');
    expect(denial.filters.by).toEqual(['Pakistan (pakistan-newspaper)']);
    expect(denial.filters.about).toEqual(['Foreign Office spokesperson']);
    expect(byUrl(records, '/articles/sample/#claim-taliban-accuses').filters.about).toEqual(['Pakistan (pakistan)']);
  });

  it('makes an article a record of its title, standfirst and text, filtered by its claims’ parties', () => {
    const records = searchRecords(index(validSource(), secondSource()));
    const article = byUrl(records, '/articles/border-talks/');
    expect(article.content.split('\n')).toEqual([
      'Border talks',
      'Talks at the border.',
      'The spokesperson said talks resumed, adding that Kabul was consulted.',
      'A Pakistan newspaper disagreed.',
    ]);
    expect(article.meta).toEqual({ type: 'article', title: 'Border talks', source: 'The Ledger, 2025-03-14', claims: '2', parties: '3' });
    expect(article.filters).toEqual({
      type: ['article'],
      by: ['Foreign Office spokesperson', 'Pakistan (pakistan)', 'Pakistan (pakistan-newspaper)'],
      about: ['Pakistan (pakistan)', 'Foreign Office spokesperson'],
      article: ['Border talks'],
    });
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
    const claim = byUrl(searchRecords(index(source)), '/articles/sample/#claim-taliban-accuses');
    expect(claim.content.split('\n')[1]).toBe('Says <script>alert(1)</script> & more.');
  });
});

describe('quickRecords', () => {
  it('makes one record per article and per party, with no filters: far fewer records than claims', () => {
    const reference = index(validSource(), secondSource());
    const records = quickRecords(reference);
    expect(records.map((record) => `${record.meta.type} ${record.url}`)).toEqual([
      'article /articles/border-talks/',
      'article /articles/sample/',
      'party /parties/fo-spokesperson/',
      'party /parties/pakistan/',
      'party /parties/pakistan-newspaper/',
      'party /parties/taliban-administration/',
    ]);
    expect(records.every((record) => !('filters' in record))).toBe(true);
    expect(quickRecords(reference)).toEqual(records);
  });

  it('places each claim of an article after its text, where the page finds its quote and summary by word positions', () => {
    const article = quickRecords(index(validSource(), secondSource())).find((record) => record.url === '/articles/border-talks/')!;
    const words = article.content.split(WORD_SEPARATORS);
    const claims = JSON.parse(article.meta.claimList!) as QuickClaim[];
    expect(words.slice(0, Number(article.meta.textWords)).join(' ')).toBe(
      'Border talks Talks at the border. The spokesperson said talks resumed, adding that Kabul was consulted. A Pakistan newspaper disagreed.',
    );
    const at = (claim: QuickClaim) => ({
      quote: words.slice(claim.start, claim.start + claim.quoteWords).join(' '),
      summary: words.slice(claim.start + claim.quoteWords, claim.start + claim.quoteWords + claim.summaryWords).join(' '),
    });
    expect(claims.map(at)).toEqual([
      { quote: 'talks resumed, … Kabul was consulted.', summary: 'The spokesperson says talks resumed.' },
      { quote: 'newspaper disagreed', summary: 'A newspaper disagrees.' },
    ]);
    expect(claims[0]).toMatchObject({
      anchor: 'claim-talks-resumed',
      number: 1,
      kind: 'assert',
      by: 'Foreign Office spokesperson',
      through: 'Pakistan',
      about: 'Pakistan',
    });
    expect(claims[1]).toMatchObject({
      anchor: 'claim-newspaper-disagrees',
      number: 2,
      kind: 'deny',
      by: 'Pakistan',
      about: 'Foreign Office spokesperson',
    });
    // The last claim's words end the content: nothing else follows that the page would misplace.
    const last = claims.at(-1)!;
    expect(last.start + last.quoteWords + last.summaryWords).toBe(words.length);
    expect(article.meta).toMatchObject({ type: 'article', title: 'Border talks', claims: '2', source: 'The Ledger, 2025-03-14' });
  });
});

describe('claimsIndexFolders', () => {
  it('gives one folder per part of at most perPart records: claims/, then claims-2/, claims-3/…', () => {
    expect(claimsIndexFolders(0, 100)).toEqual(['claims']);
    expect(claimsIndexFolders(100, 100)).toEqual(['claims']);
    expect(claimsIndexFolders(101, 100)).toEqual(['claims', 'claims-2']);
    expect(claimsIndexFolders(210_067, 25_000)).toEqual(['claims', ...Array.from({ length: 8 }, (_, i) => `claims-${i + 2}`)]);
  });
});
