import type { Party } from '../schemas/article.ts';
import { plural } from './wording.ts';
import type { PartyAppearance, PartyClaim, PartyEntry } from './referenceIndex.ts';

/** Claims on one page of a party: enough to read, few enough that no page grows with the site. */
export const CLAIMS_PER_PARTY_PAGE = 40;

/** The claims of one page of a party's page, grouped by the article they are in, with how that article presents the party. */
export interface PartyArticleGroup {
  appearance: PartyAppearance;
  claims: PartyClaim[];
}

/** Groups consecutive claims of the same article (the party's claims are in article order already). */
export function groupByArticle(entry: PartyEntry, claims: readonly PartyClaim[]): PartyArticleGroup[] {
  const groups: PartyArticleGroup[] = [];
  for (const claim of claims) {
    const last = groups.at(-1);
    if (last && last.appearance.articleSlug === claim.ref.articleSlug) last.claims.push(claim);
    else groups.push({ appearance: entry.appearanceBySlug.get(claim.ref.articleSlug)!, claims: [claim] });
  }
  return groups;
}

/** The roles a party plays in a claim, as short words: "by (through Ilse Marrow)", "about", "reports it". */
export function roleWords(claim: PartyClaim): string[] {
  const words: string[] = [];
  if (claim.roles.by) words.push(claim.roles.through ? `by, through ${claim.roles.through.name}` : 'by');
  if (claim.roles.about) words.push('about');
  if (claim.roles.reported) words.push('reports it');
  return words;
}

export interface PartySummary {
  made: number;
  madeThrough: number;
  about: number;
  reported: number;
  /** Claims it makes, by kind of claim, most frequent first. */
  madeByKind: Array<{ kind: string; count: number }>;
  /** The parties its claims are most often about, and those whose claims are most often about it. */
  claimsMostAbout: Array<{ party: Party; count: number }>;
  claimedAboutMostBy: Array<{ party: Party; count: number }>;
}

/** Counts that stay one line each however many articles the party is in. */
export function partySummary(entry: PartyEntry, top = 5): PartySummary {
  const kinds = new Map<string, number>();
  const about = new Map<string, { party: Party; count: number }>();
  const by = new Map<string, { party: Party; count: number }>();
  const bump = (map: Map<string, { party: Party; count: number }>, party: Party) => {
    const found = map.get(party.id);
    if (found) found.count++;
    else map.set(party.id, { party, count: 1 });
  };
  let madeThrough = 0;
  for (const { ref, roles } of entry.claims) {
    if (roles.by) {
      kinds.set(ref.claim.kind, (kinds.get(ref.claim.kind) ?? 0) + 1);
      if (roles.through) madeThrough++;
      for (const party of ref.about) if (party.id !== entry.id) bump(about, party);
    }
    if (roles.about && ref.claimant.id !== entry.id && ref.speaksFor?.id !== entry.id) bump(by, ref.speaksFor ?? ref.claimant);
  }
  const ranked = (map: Map<string, { party: Party; count: number }>) =>
    [...map.values()].sort((a, b) => b.count - a.count || a.party.name.localeCompare(b.party.name, 'en')).slice(0, top);
  return {
    made: entry.claimsBy.length,
    madeThrough,
    about: entry.claimsAbout.length,
    reported: entry.claimsReported.length,
    madeByKind: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    claimsMostAbout: ranked(about),
    claimedAboutMostBy: ranked(by),
  };
}

/** "3 claims made (1 through people or offices speaking for it), 12 claims about it, in 2 articles." */
export function partyCounts(summary: PartySummary, articles: number): string {
  const made = `${plural(summary.made, 'claim')} made${summary.madeThrough > 0 ? ` (${summary.madeThrough} through people or offices speaking for it)` : ''}`;
  const reported = summary.reported > 0 ? `, ${plural(summary.reported, 'claim')} it reports` : '';
  return `${made}, ${plural(summary.about, 'claim')} about it${reported}, in ${plural(articles, 'article')}.`;
}
