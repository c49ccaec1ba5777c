import type { TextSpan } from '../lib/quoteAnchors.ts';
import type { ClaimKind } from '../schemas/claim.ts';
import { overlapRatio } from './suggest.ts';

/** A claim reduced to what the measure compares: where its quote is, its kind and its claimant. */
export interface Located {
  id: string;
  spans: TextSpan[];
  kind: ClaimKind;
  by: string;
}

export interface Evaluation {
  editorial: number;
  suggested: number;
  matched: number;
  /** Matched pairs whose kinds agree, and whose claimants agree. */
  sameKind: number;
  sameBy: number;
  pairs: Array<{ editorial: string; suggested: string; overlap: number }>;
  missed: string[];
  extra: string[];
}

/** The share of the shorter quote two quotes must have in common to be the same claim. */
export const MATCH_THRESHOLD = 0.5;

/**
 * Matches suggestions to editorial claims one to one: a pair counts when their quotes share at least half
 * of the shorter quote's characters; the best-overlapping pairs are taken first and, among pairs that overlap
 * as much (two claims of one quote: "officials and analysts say …"), those that agree on the claimant, then on
 * the kind. Recall is matched / editorial, precision matched / suggested.
 */
export function evaluate(editorial: readonly Located[], suggested: readonly Located[]): Evaluation {
  const candidates: Array<{ e: number; s: number; overlap: number; agree: number }> = [];
  editorial.forEach((e, i) =>
    suggested.forEach((s, j) => {
      const overlap = overlapRatio(e.spans, s.spans);
      const agree = (e.by === s.by ? 2 : 0) + (e.kind === s.kind ? 1 : 0);
      if (overlap >= MATCH_THRESHOLD) candidates.push({ e: i, s: j, overlap, agree });
    }),
  );
  // A maximum one-to-one matching (augmenting paths), preferring the best overlaps: no suggestion counts twice.
  candidates.sort((a, b) => b.overlap - a.overlap || b.agree - a.agree || a.e - b.e || a.s - b.s);
  const options = editorial.map((_, i) => candidates.filter((c) => c.e === i));
  const owner = new Map<number, number>(); // suggestion → editorial
  const assign = (e: number, seen: Set<number>): boolean => {
    for (const { s } of options[e]!) {
      if (seen.has(s)) continue;
      seen.add(s);
      const current = owner.get(s);
      if (current === undefined || assign(current, seen)) {
        owner.set(s, e);
        return true;
      }
    }
    return false;
  };
  const order = editorial.map((_, i) => i).sort((a, b) => options[a]!.length - options[b]!.length);
  for (const e of order) assign(e, new Set());
  const usedE = new Set<number>(owner.values());
  const usedS = new Set<number>(owner.keys());
  const pairs: Evaluation['pairs'] = [];
  let sameKind = 0;
  let sameBy = 0;
  for (const [s, e] of [...owner.entries()].sort((a, b) => a[1] - b[1])) {
    const overlap = candidates.find((c) => c.e === e && c.s === s)!.overlap;
    pairs.push({ editorial: editorial[e]!.id, suggested: suggested[s]!.id, overlap });
    if (editorial[e]!.kind === suggested[s]!.kind) sameKind++;
    if (editorial[e]!.by === suggested[s]!.by) sameBy++;
  }
  return {
    editorial: editorial.length,
    suggested: suggested.length,
    matched: pairs.length,
    sameKind,
    sameBy,
    pairs,
    missed: editorial.filter((_, i) => !usedE.has(i)).map((claim) => claim.id),
    extra: suggested.filter((_, j) => !usedS.has(j)).map((claim) => claim.id),
  };
}

export function ratio(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}
