import { z } from 'astro/zod';
import { claimSchema } from './claim.ts';
import { partySchema } from './party.ts';
import { sourceSchema } from './source.ts';
import { text } from './text.ts';

/** The frontmatter of one article in content/articles/<slug>.mdx. */
export const articleSchema = z.strictObject({
  title: text(300),
  dek: text(1000).optional(),
  source: sourceSchema.default({}),
  /** A draft is checked like any article but may have no parties or claims yet, and `npm run build` does not publish it. */
  draft: z.boolean().default(false),
  /** At least one of each, unless the article is a draft (checked in lib/checkArticles.ts). */
  parties: z.array(partySchema).default([]),
  claims: z.array(claimSchema).default([]),
});

export type ArticleData = z.infer<typeof articleSchema>;
export { CLAIM_KINDS, type Claim, type ClaimKind, quoteSpans } from './claim.ts';
export { PARTY_KINDS, type Party, type PartyKind } from './party.ts';
export type { Source } from './source.ts';
