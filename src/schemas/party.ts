import { z } from 'astro/zod';
import { slug } from './slug.ts';
import { text } from './text.ts';

/** What sort of actor a party is. */
export const PARTY_KINDS = [
  'state',
  'government',
  'armed-group',
  'international-organisation',
  'group-of-states',
  'institution',
  'commentators',
  'population',
  'person',
  'publication',
  /** Sources the text does not name ("officials who spoke on condition of anonymity"): never merged across articles. */
  'unnamed-sources',
] as const;

export const partySchema = z.strictObject({
  /** Slug; the same id in two articles is the same party. */
  id: slug,
  name: text(200),
  kind: z.enum(PARTY_KINDS),
  /** The other names the text itself uses for this party, e.g. "Islamabad". */
  aliases: z.array(text(200)).default([]),
  /** Who the party is, from the text only. */
  description: text(1000).optional(),
  /** For a person or an office: the party (of the same article) it speaks for, e.g. a spokesperson for a state. */
  speaksFor: slug.optional(),
});

export type Party = z.infer<typeof partySchema>;
export type PartyKind = (typeof PARTY_KINDS)[number];
