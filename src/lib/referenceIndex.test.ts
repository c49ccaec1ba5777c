import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { buildReferenceIndex, indexArticle, matrixKey } from './referenceIndex.ts';
import { type ArticleSource, checkArticles } from './checkArticles.ts';
import { errorsIn } from './contentIssues.ts';

/** Checks sources that must be valid, failing the test with the checker's messages if they are not. */
function checked(...sources: ArticleSource[]) {
  const result = checkArticles(sources);
  expect(errorsIn(result.issues)).toEqual([]);
  return result.articles;
}

/** A second article sharing `pakistan` (with another alias) and adding a reported claim. */
function secondSource(): ArticleSource {
  return {
    file: 'content/articles/border-talks.mdx',
    slug: 'border-talks',
    body: 'Officials in Islamabad said talks resumed. Observers said Kabul warned of delays.\n',
    data: {
      title: 'Border talks',
      source: {},
      parties: [
        { id: 'pakistan', name: 'Pakistan', kind: 'state', aliases: ['Islamabad', 'Officials in Islamabad'] },
        { id: 'observers', name: 'Observers', kind: 'commentators', aliases: [] },
        { id: 'afghanistan', name: 'Afghanistan', kind: 'state', aliases: ['Kabul'] },
      ],
      claims: [
        {
          id: 'talks-resumed',
          by: 'pakistan',
          kind: 'assert',
          about: ['pakistan', 'afghanistan'],
          summary: 'Pakistani officials say talks resumed.',
          quote: 'talks resumed',
        },
        {
          id: 'kabul-warned',
          by: 'afghanistan',
          reportedBy: 'observers',
          kind: 'warn',
          about: ['pakistan'],
          summary: 'Observers say Afghanistan warned of delays.',
          quote: 'Kabul warned of delays',
        },
      ],
    },
  };
}

describe('indexArticle', () => {
  it('numbers claims in reading order, whatever their order in the frontmatter', () => {
    // In the sample, the accusation is listed first but quoted in paragraph 2; the rejection is in paragraph 1.
    const article = indexArticle(checked(validSource())[0]!);
    expect(article.claims.map((ref) => [ref.number, ref.claim.id, ref.spans[0]!.block])).toEqual([
      [1, 'pakistan-rejects', 0],
      [2, 'taliban-accuses', 1],
    ]);
    expect(article.claimById.get('taliban-accuses')?.number).toBe(2);
  });

  it('orders claims in one paragraph by where their quotes start, an enclosing quote before the one inside it', () => {
    const source = validSource();
    source.data.claims.push({
      id: 'pakistan-rejects-nested',
      by: 'pakistan',
      kind: 'reject',
      about: ['taliban-administration'],
      summary: 'Pakistan rejects it.',
      quote: 'rejects',
    });
    const article = indexArticle(checked(source)[0]!);
    expect(article.claimsInBlock.get(0)?.map((ref) => ref.claim.id)).toEqual(['pakistan-rejects', 'pakistan-rejects-nested']);
  });

  it('lists claims by party, about party and the answers to each claim', () => {
    const article = indexArticle(checked(validSource())[0]!);
    const ids = (refs = article.claims) => refs.map((ref) => ref.claim.id);
    expect(ids(article.claimsByParty.get('pakistan'))).toEqual(['pakistan-rejects']);
    expect(ids(article.claimsByParty.get('taliban-administration'))).toEqual(['taliban-accuses']);
    expect(ids(article.claimsAboutParty.get('pakistan'))).toEqual(['taliban-accuses']);
    expect(ids(article.answeredBy.get('taliban-accuses'))).toEqual(['pakistan-rejects']);
    expect(article.answeredBy.has('pakistan-rejects')).toBe(false);
  });

  it('builds the who-about-whom matrix: claimants in order of their first claim, one cell entry per claim', () => {
    const source = validSource();
    source.data.claims[0].about = ['pakistan', 'pakistan', 'taliban-administration'];
    const { matrix } = indexArticle(checked(source)[0]!);
    expect(matrix.claimants.map((party) => party.id)).toEqual(['pakistan', 'taliban-administration']);
    expect(matrix.concerned.map((party) => party.id)).toEqual(['pakistan', 'taliban-administration']);
    expect(matrix.cells.get(matrixKey('taliban-administration', 'pakistan'))?.map((ref) => ref.claim.id)).toEqual(['taliban-accuses']);
    expect(matrix.cells.get(matrixKey('taliban-administration', 'taliban-administration'))).toHaveLength(1);
    expect(matrix.cells.has(matrixKey('pakistan', 'pakistan'))).toBe(false);
    const total = [...matrix.cells.values()].reduce((sum, refs) => sum + refs.length, 0);
    expect(total).toBe(3);
  });
});

describe('buildReferenceIndex', () => {
  it('merges a party shared by two articles: both articles, every alias, claims made and about it from each', () => {
    const index = buildReferenceIndex(checked(validSource(), secondSource()));
    const pakistan = index.partyById.get('pakistan')!;
    expect(pakistan.appearances.map((appearance) => [appearance.articleSlug, appearance.party.aliases])).toEqual([
      ['border-talks', ['Islamabad', 'Officials in Islamabad']],
      ['sample', ['Islamabad']],
    ]);
    expect(pakistan.claimsBy.map((ref) => `${ref.articleSlug}#${ref.claim.id}`).sort()).toEqual([
      'border-talks#talks-resumed',
      'sample#pakistan-rejects',
    ]);
    expect(pakistan.claimsAbout.map((ref) => `${ref.articleSlug}#${ref.claim.id}`).sort()).toEqual([
      'border-talks#kabul-warned',
      'border-talks#talks-resumed',
      'sample#taliban-accuses',
    ]);
  });

  it('keeps second-hand claims under the claimant and the party that reports them', () => {
    const index = buildReferenceIndex(checked(validSource(), secondSource()));
    expect(index.partyById.get('afghanistan')!.claimsBy.map((ref) => ref.claim.id)).toEqual(['kabul-warned']);
    expect(index.partyById.get('observers')!.claimsReported.map((ref) => ref.claim.id)).toEqual(['kabul-warned']);
    expect(index.partyById.get('observers')!.claimsBy).toEqual([]);
  });

  it('sorts articles by title and parties by name, and finds each by slug or id', () => {
    const index = buildReferenceIndex(checked(validSource(), secondSource()));
    expect(index.articles.map((article) => article.data.title)).toEqual(['Border talks', 'Sample']);
    expect(index.parties.map((entry) => entry.name)).toEqual(['Afghanistan', 'Observers', 'Pakistan', 'Taliban administration']);
    expect(index.articleBySlug.get('sample')?.data.title).toBe('Sample');
  });

  it('indexes every claim of many articles exactly once (one pass per article and party)', () => {
    const sources = Array.from({ length: 50 }, (_, i) => ({ ...validSource(), file: `content/articles/a-${i}.mdx`, slug: `a-${i}` }));
    const index = buildReferenceIndex(checked(...sources));
    expect(index.articles).toHaveLength(50);
    expect(index.partyById.get('pakistan')!.claimsBy).toHaveLength(50);
    expect(index.partyById.get('pakistan')!.claimsAbout).toHaveLength(50);
    expect(index.partyById.get('taliban-administration')!.appearances).toHaveLength(50);
  });
});

describe('parties across articles, as real articles name them', () => {
  /** A third article: Pakistan named otherwise, a spokesperson speaking for it, and an answer to the sample's accusation. */
  function thirdSource(): ArticleSource {
    return {
      file: 'content/articles/third.mdx',
      slug: 'third',
      body: 'The Islamic Republic of Pakistan, through its Foreign Office spokesperson, denied the claim and said Pakistan interferes nowhere.\n',
      data: {
        title: 'Third',
        source: {},
        parties: [
          {
            id: 'pakistan',
            name: 'Islamic Republic of Pakistan',
            kind: 'state',
            aliases: [],
            description: 'A state, as the third text describes it.',
          },
          { id: 'fo-spokesperson', name: 'Foreign Office spokesperson', kind: 'person', speaksFor: 'pakistan' },
        ],
        claims: [
          {
            id: 'denies',
            by: 'fo-spokesperson',
            kind: 'deny',
            about: ['pakistan'],
            summary: 'The spokesperson denies that Pakistan interferes.',
            quote: 'denied the claim',
            respondsTo: ['sample#taliban-accuses'],
          },
        ],
      },
    };
  }

  it('keeps each article’s name, description and aliases, and names the party as most articles do', () => {
    const index = buildReferenceIndex(checked(validSource(), secondSource(), thirdSource()));
    const pakistan = index.partyById.get('pakistan')!;
    expect(pakistan.name).toBe('Pakistan');
    expect(pakistan.appearances.map((appearance) => [appearance.articleSlug, appearance.party.name, appearance.party.description])).toEqual(
      [
        ['border-talks', 'Pakistan', undefined],
        ['sample', 'Pakistan', undefined],
        ['third', 'Islamic Republic of Pakistan', 'A state, as the third text describes it.'],
      ],
    );
    expect(index.articleBySlug.get('third')!.partyById.get('pakistan')!.name).toBe('Islamic Republic of Pakistan');
  });

  it('lists a claim made through a spokesperson under the party spoken for, once, with every role it plays', () => {
    const index = buildReferenceIndex(checked(validSource(), thirdSource()));
    const pakistan = index.partyById.get('pakistan')!;
    const denial = pakistan.claims.find((item) => item.ref.claim.id === 'denies')!;
    expect(denial.roles).toMatchObject({ by: true, about: true, reported: false, through: { id: 'fo-spokesperson' } });
    expect(pakistan.claims.filter((item) => item.ref.claim.id === 'denies')).toHaveLength(1);
    expect(pakistan.claimsBy.map((ref) => ref.claim.id)).toContain('denies');
    expect(index.partyById.get('fo-spokesperson')!.claimsBy.map((ref) => ref.claim.id)).toEqual(['denies']);
  });

  it('links an answer to a claim of another article both ways', () => {
    const index = buildReferenceIndex(checked(validSource(), thirdSource()));
    const answers = index.articleBySlug.get('third')!.answers.get('denies')!;
    expect(answers.map((ref) => `${ref.articleSlug}#${ref.claim.id}`)).toEqual(['sample#taliban-accuses']);
    const answeredBy = index.articleBySlug.get('sample')!.answeredBy.get('taliban-accuses')!;
    expect(answeredBy.map((ref) => `${ref.articleSlug}#${ref.claim.id}`)).toEqual(['sample#pakistan-rejects', 'third#denies']);
  });

  it('resolves each claim’s parties once, as its article defines them', () => {
    const article = indexArticle(checked(validSource(), thirdSource())[1]!);
    const [ref] = article.claims;
    expect(ref!.claimant.name).toBe('Foreign Office spokesperson');
    expect(ref!.speaksFor?.name).toBe('Islamic Republic of Pakistan');
    expect(ref!.about.map((party) => party.id)).toEqual(['pakistan']);
  });
});
