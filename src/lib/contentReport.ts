import { blockOffsets } from './openData.ts';
import type { IndexedArticle } from './referenceIndex.ts';

/** Counts of each value, most frequent first, as "kind 3, other 1". */
function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, n]) => `${value} ${n}`)
      .join(', ') || 'none'
  );
}

/** An editor's summary of one article's extraction: blocks by type, claims and parties by kind, coverage, unused parties. */
export function articleReport(article: IndexedArticle): string {
  const covered = article.claimsInBlock.size;
  const uncovered = article.blocks
    .map((_, i) => i)
    .filter((i) => !article.claimsInBlock.has(i))
    .map((i) => `${i + 1} (${article.blocks[i]!.type})`);
  const used = new Set(article.claims.flatMap(({ claim }) => [claim.by, ...(claim.reportedBy ? [claim.reportedBy] : []), ...claim.about]));
  for (const party of article.data.parties) if (party.speaksFor && used.has(party.id)) used.add(party.speaksFor);
  const unused = article.data.parties.filter((party) => !used.has(party.id)).map((party) => party.id);
  return [
    `${article.file} — ${article.data.title}`,
    `  blocks: ${article.blocks.length} (${tally(article.blocks.map((block) => block.type))})`,
    `  claims: ${article.claims.length} (${tally(article.claims.map(({ claim }) => claim.kind))})`,
    `  second-hand claims: ${article.claims.filter(({ claim }) => claim.reportedBy).length}`,
    `  quotes in several spans: ${article.claims.filter((ref) => ref.spans.length > 1).length}`,
    `  parties: ${article.data.parties.length} (${tally(article.data.parties.map((party) => party.kind))})`,
    `  claimants: ${[...article.claimsByParty].map(([id, refs]) => `${id} ${refs.length}`).join(', ')}`,
    `  blocks covered: ${covered} of ${article.blocks.length}${uncovered.length ? ` (none in ${uncovered.join(', ')})` : ''}`,
    `  unused parties: ${unused.length ? unused.join(', ') : 'none'}`,
    '  blocks (n, type, offsets in the open data text, claims, opening words):',
    ...blockOffsets(article.blocks).map(({ n, type, start, end }) => {
      const claims = (article.claimsInBlock.get(n - 1) ?? []).map((ref) => ref.number);
      const words = article.blocks[n - 1]!.text.replace(/\s+/g, ' ');
      return `    ${n} ${type} ${start}–${end} [${claims.join(', ') || 'no claim'}] ${words.length > 60 ? `${words.slice(0, 60)}…` : words}`;
    }),
  ].join('\n');
}
