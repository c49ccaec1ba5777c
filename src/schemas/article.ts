import { z } from 'astro/zod';
import { claimSchema } from './claim.ts';
import { partySchema } from './party.ts';
import { sourceSchema } from './source.ts';

/** The frontmatter of one article in content/articles/<slug>.mdx. */
export const articleSchema = z.strictObject({
  title: z.string().trim().min(1),
  dek: z.string().trim().min(1).optional(),
  source: sourceSchema.default({}),
  parties: z.array(partySchema).min(1),
  claims: z.array(claimSchema).min(1, { error: 'an article needs at least one claim' }),
});

export type ArticleData = z.infer<typeof articleSchema>;
export { CLAIM_KINDS, type Claim, type ClaimKind, quoteSpans } from './claim.ts';
export { PARTY_KINDS, type Party, type PartyKind } from './party.ts';
export type { Source } from './source.ts';
