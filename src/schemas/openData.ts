import { z } from 'astro/zod';
import { CLAIM_KINDS } from './claim.ts';
import { PARTY_KINDS } from './party.ts';
import { sourceSchema } from './source.ts';

/** Version of the open data format; bumped only on a breaking change. */
export const OPEN_DATA_VERSION = 1;

const offsets = {
  start: z.number().int().min(0).describe('Offset of the first character, in UTF-16 code units, in `text`.'),
  end: z.number().int().min(0).describe('Offset just past the last character in `text`.'),
};

export const exportedPartySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  aliases: z.array(z.string()),
  description: z.string().optional(),
  url: z.url().describe('The party page.'),
});

export const exportedClaimSchema = z.strictObject({
  id: z.string(),
  number: z.number().int().min(1).describe('Position of the claim in reading order, from 1.'),
  by: z.string(),
  reportedBy: z.string().optional(),
  speaker: z.string().optional(),
  kind: z.enum(CLAIM_KINDS),
  about: z.array(z.string()),
  summary: z.string(),
  quote: z.string().describe('Equals text.slice(start, end).'),
  paragraph: z.number().int().min(1),
  ...offsets,
  respondsTo: z.array(z.string()),
  answeredBy: z.array(z.string()),
  url: z.url().describe('The claim on the article page.'),
});

/** `/articles/<slug>.json`: one article's parties, claims and text, with each quote's offsets. */
export const articleExportSchema = z.strictObject({
  format: z.literal('standpoint-article'),
  version: z.literal(OPEN_DATA_VERSION),
  slug: z.string(),
  title: z.string(),
  dek: z.string().optional(),
  source: sourceSchema,
  url: z.url(),
  text: z.string().describe('The plain text of the article: its paragraphs joined by a blank line ("\\n\\n").'),
  paragraphs: z.array(z.strictObject({ n: z.number().int().min(1), ...offsets })),
  parties: z.array(exportedPartySchema),
  claims: z.array(exportedClaimSchema),
});

/** `/articles/index.json`: every article and party. */
export const indexExportSchema = z.strictObject({
  format: z.literal('standpoint-index'),
  version: z.literal(OPEN_DATA_VERSION),
  articles: z.array(
    z.strictObject({
      slug: z.string(),
      title: z.string(),
      url: z.url(),
      data: z.url().describe('The article as JSON.'),
      claims: z.number().int(),
      parties: z.number().int(),
    }),
  ),
  parties: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(PARTY_KINDS),
      url: z.url(),
      articles: z.array(z.string()),
      claimsMade: z.number().int(),
      claimsAbout: z.number().int(),
    }),
  ),
});

export type ArticleExport = z.infer<typeof articleExportSchema>;
export type IndexExport = z.infer<typeof indexExportSchema>;
