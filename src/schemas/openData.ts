import { z } from 'astro/zod';
import { BLOCK_TYPES } from './block.ts';
import { CLAIM_KINDS } from './claim.ts';
import { PARTY_KINDS } from './party.ts';
import { sourceSchema } from './source.ts';

/** Version of the open data format; bumped only on a breaking change. */
export const OPEN_DATA_VERSION = 2;

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
  speaksFor: z.string().optional().describe('The party (of this article) this person or office speaks for.'),
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
  date: z.string().optional().describe('When the statement was made (YYYY-MM-DD), when the text dates it.'),
  channel: z.string().optional(),
  quote: z
    .array(z.string())
    .min(1)
    .describe('The words of each span as the text has them: quote[i] equals text.slice(spans[i].start, spans[i].end).'),
  spans: z.array(z.strictObject({ block: z.number().int().min(1), ...offsets })).min(1),
  block: z.number().int().min(1).describe('The block of the first span.'),
  respondsTo: z.array(z.string()).describe('Claim ids of this article, or "<article-slug>#<claim-id>".'),
  answeredBy: z.array(z.string()).describe('Claim ids of this article, or "<article-slug>#<claim-id>".'),
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
  text: z.string().describe('The plain text of the article: its blocks joined by a blank line ("\\n\\n").'),
  blocks: z.array(z.strictObject({ n: z.number().int().min(1), type: z.enum(BLOCK_TYPES), ...offsets })),
  parties: z.array(exportedPartySchema),
  claims: z.array(exportedClaimSchema),
});

/** Where a page of a paged list is, and where its neighbours are. */
const listPage = {
  page: z.number().int().min(1),
  pages: z.number().int().min(1),
  total: z.number().int().min(0).describe('Items in the whole list, over every page.'),
  prev: z.url().optional().describe('The previous page, absent on the first.'),
  next: z.url().optional().describe('The next page, absent on the last.'),
};

/** `/articles/index.json` (page 1), `/articles/page/<n>.json`: every article, newest first, a page at a time. */
export const articleIndexExportSchema = z.strictObject({
  format: z.literal('standpoint-article-index'),
  version: z.literal(OPEN_DATA_VERSION),
  ...listPage,
  articles: z.array(
    z.strictObject({
      slug: z.string(),
      title: z.string(),
      published: z.string().optional(),
      url: z.url(),
      data: z.url().describe('The article as JSON.'),
      claims: z.number().int(),
      parties: z.number().int(),
    }),
  ),
});

/** `/parties/index.json` (page 1), `/parties/page/<n>.json`: every party, by name, a page at a time. */
export const partyIndexExportSchema = z.strictObject({
  format: z.literal('standpoint-party-index'),
  version: z.literal(OPEN_DATA_VERSION),
  ...listPage,
  parties: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(PARTY_KINDS),
      url: z.url(),
      articles: z.number().int().describe('How many articles name it.'),
      claimsMade: z.number().int(),
      claimsAbout: z.number().int(),
    }),
  ),
});

export type ArticleExport = z.infer<typeof articleExportSchema>;
export type ArticleIndexExport = z.infer<typeof articleIndexExportSchema>;
export type PartyIndexExport = z.infer<typeof partyIndexExportSchema>;
