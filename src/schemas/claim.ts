import { z } from 'astro/zod';
import { slug } from './slug.ts';

/** The speech act a claim performs. */
export const CLAIM_KINDS = [
  'assert',
  'accuse',
  'deny',
  'reject',
  'demand',
  'warn',
  'appeal',
  'commit',
  'claim-responsibility',
] as const;

export const claimSchema = z.strictObject({
  /** Slug, unique within the article. */
  id: slug,
  /** Party id: who makes the claim. */
  by: slug,
  /** Party id: who reports a second-hand claim ("X says Y warned…" → by Y, reportedBy X). */
  reportedBy: slug.optional(),
  /** The speaker as the text names them, e.g. "the Taliban spokesperson". */
  speaker: z.string().trim().min(1).optional(),
  kind: z.enum(CLAIM_KINDS),
  /** Party ids the claim is about. */
  about: z.array(slug).min(1),
  /** One neutral, attributed sentence. */
  summary: z.string().trim().min(1),
  /** An exact span of the article text. */
  quote: z.string().min(1),
  /** Which occurrence of `quote` is meant (1 = first), required when the quote occurs more than once. */
  occurrence: z.number().int().min(1).optional(),
  /** Claim ids (in the same article) this claim answers. */
  respondsTo: z.array(slug).default([]),
});

export type Claim = z.infer<typeof claimSchema>;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
