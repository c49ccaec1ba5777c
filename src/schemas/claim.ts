import { z } from 'astro/zod';
import { isoDate } from './date.ts';
import { claimReference, slug } from './slug.ts';
import { text } from './text.ts';

/** The speech act a claim performs. */
export const CLAIM_KINDS = [
  'assert',
  'accuse',
  'deny',
  'reject',
  'admit',
  'demand',
  'warn',
  'threaten',
  'appeal',
  'commit',
  'claim-responsibility',
] as const;

/** One verbatim span of the text. */
const span = text(5000);

export const claimSchema = z.strictObject({
  /** Slug, unique within the article. */
  id: slug,
  /** Party id: who makes the claim. */
  by: slug,
  /** Party id: who reports a second-hand claim ("X says Y warned…" → by Y, reportedBy X). */
  reportedBy: slug.optional(),
  /** The speaker as the text names them, e.g. "the Taliban spokesperson". */
  speaker: text(300).optional(),
  kind: z.enum(CLAIM_KINDS),
  /** Party ids the claim is about. */
  about: z.array(slug).min(1),
  /** One neutral, attributed sentence. */
  summary: text(1000),
  /** The claim's words in the text: one verbatim span, or several in reading order (in one block or consecutive blocks). */
  quote: z.union([span, z.array(span).min(1)]),
  /** Which occurrence of the (first) quote span is meant (1 = first), required when it occurs more than once. */
  occurrence: z.number().int().min(1).optional(),
  /** When the statement was made, only if the text dates it (YYYY-MM-DD). */
  date: isoDate.optional(),
  /** Where or how it was said, as the text gives it: "in a statement", "on X". */
  channel: text(200).optional(),
  /** Claims this claim answers: an id in the same article, or `<article-slug>#<claim-id>` in another. */
  respondsTo: z.array(claimReference).default([]),
});

export type Claim = z.infer<typeof claimSchema>;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The spans of a claim's quote, in reading order, whether it was written as one string or a list. */
export function quoteSpans(claim: Pick<Claim, 'quote'>): string[] {
  return typeof claim.quote === 'string' ? [claim.quote] : claim.quote;
}
