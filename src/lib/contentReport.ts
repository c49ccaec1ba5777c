import type { IndexedArticle } from './referenceIndex.ts';

/** Counts of each value, most frequent first, as "kind 3, other 1". */
function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, n]) => `${value} ${n}`).join(', ') || 'none';
}

/** An editor's summary of one article's extraction: claims and parties by kind, coverage, unused parties. */
export function articleReport(article: IndexedArticle): string {
  const covered = article.claimsInParagraph.size;
  const uncovered = article.paragraphs.map((_, i) => i).filter((i) => !article.claimsInParagraph.has(i)).map((i) => i + 1);
  const used = new Set(article.claims.flatMap(({ claim }) => [claim.by, ...(claim.reportedBy ? [claim.reportedBy] : []), ...claim.about]));
  const unused = article.data.parties.filter((party) => !used.has(party.id)).map((party) => party.id);
  return [
    `${article.file} — ${article.data.title}`,
    `  claims: ${article.claims.length} (${tally(article.claims.map(({ claim }) => claim.kind))})`,
    `  second-hand claims: ${article.claims.filter(({ claim }) => claim.reportedBy).length}`,
    `  parties: ${article.data.parties.length} (${tally(article.data.parties.map((party) => party.kind))})`,
    `  claimants: ${[...article.claimsByParty].map(([id, refs]) => `${id} ${refs.length}`).join(', ')}`,
    `  paragraphs covered: ${covered} of ${article.paragraphs.length}${uncovered.length ? ` (none in ${uncovered.join(', ')})` : ''}`,
    `  unused parties: ${unused.length ? unused.join(', ') : 'none'}`,
  ].join('\n');
}
