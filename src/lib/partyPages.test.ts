import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { groupByArticle, partyCounts, partySummary, roleWords } from './partyPages.ts';
import { buildReferenceIndex } from './referenceIndex.ts';
import { checkArticles } from './checkArticles.ts';
import { errorsIn } from './contentIssues.ts';

/** Three copies of the sample, plus a spokesperson for Pakistan in the third. */
function index() {
  const sources = ['one', 'two', 'three'].map((slug) => validSource({ file: `content/articles/${slug}.mdx`, slug }));
  const third = sources[2]!;
  third.data.parties.push({ id: 'spokesperson', name: 'Foreign Office spokesperson', kind: 'person', speaksFor: 'pakistan' });
  third.data.claims[1].by = 'spokesperson';
  third.body = third.body.replace('Pakistan says', 'The Foreign Office spokesperson of Pakistan says');
  const { articles, issues } = checkArticles(sources);
  expect(errorsIn(issues)).toEqual([]);
  return buildReferenceIndex(articles);
}

describe('partySummary', () => {
  it('counts claims by role and kind, and through whom', () => {
    const summary = partySummary(index().partyById.get('pakistan')!);
    expect(summary).toMatchObject({ made: 3, madeThrough: 1, about: 3, reported: 0 });
    expect(summary.madeByKind).toEqual([{ kind: 'reject', count: 3 }]);
  });

  it('ranks the parties it claims about and those claiming about it', () => {
    const summary = partySummary(index().partyById.get('pakistan')!);
    expect(summary.claimsMostAbout.map(({ party, count }) => [party.id, count])).toEqual([['taliban-administration', 3]]);
    expect(summary.claimedAboutMostBy.map(({ party, count }) => [party.id, count])).toEqual([['taliban-administration', 3]]);
  });

  it('says the counts in one sentence, in the singular where there is one', () => {
    const summary = partySummary(index().partyById.get('pakistan')!);
    expect(partyCounts(summary, 3)).toBe('3 claims made (1 through people or offices speaking for it), 3 claims about it, in 3 articles.');
    expect(partyCounts({ ...summary, made: 1, madeThrough: 0, about: 1, reported: 1 }, 1)).toBe(
      '1 claim made, 1 claim about it, 1 claim it reports, in 1 article.',
    );
  });

  it('keeps at most `top` parties in each ranking', () => {
    expect(partySummary(index().partyById.get('pakistan')!, 0).claimsMostAbout).toEqual([]);
  });
});

describe('groupByArticle and roleWords', () => {
  it('groups a page of claims by article, with that article’s view of the party', () => {
    const entry = index().partyById.get('pakistan')!;
    const groups = groupByArticle(entry, entry.claims);
    expect(groups.map((group) => [group.appearance.articleSlug, group.claims.length])).toEqual([
      ['one', 2],
      ['three', 2],
      ['two', 2],
    ]);
  });

  it('names every role a party plays in a claim, and the spokesperson it spoke through', () => {
    const entry = index().partyById.get('pakistan')!;
    const words = entry.claims.map((claim) => `${claim.ref.articleSlug}#${claim.ref.claim.id}: ${roleWords(claim).join('; ')}`);
    expect(words).toContain('three#pakistan-rejects: by, through Foreign Office spokesperson');
    expect(words).toContain('one#taliban-accuses: about');
  });
});
