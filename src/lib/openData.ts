import { z } from 'astro/zod';
import { articleSchema } from '../schemas/article.ts';
import {
  type ArticleExport,
  articleExportSchema,
  type IndexExport,
  indexExportSchema,
  OPEN_DATA_VERSION,
} from '../schemas/openData.ts';
import { BLOCK_SEPARATOR, plainText, type TextBlock } from './articleText.ts';
import type { ClaimRef, IndexedArticle, ReferenceIndex } from './referenceIndex.ts';
import { claimAnchor, type SitePaths } from './urls.ts';

/** Turns a site path into an absolute URL on `site`. */
export type Absolute = (path: string) => string;

/** Where each block starts and ends in the article's plain text. */
export function blockOffsets(blocks: readonly TextBlock[]): Array<{ n: number; type: TextBlock['type']; start: number; end: number }> {
  let start = 0;
  return blocks.map((block, i) => {
    const entry = { n: i + 1, type: block.type, start, end: start + block.text.length };
    start = entry.end + BLOCK_SEPARATOR.length;
    return entry;
  });
}

/** A claim as other data refers to it: its id in its own article, `<slug>#<id>` from another. */
function claimReference(ref: ClaimRef, from: IndexedArticle): string {
  return ref.articleSlug === from.slug ? ref.claim.id : `${ref.articleSlug}#${ref.claim.id}`;
}

/** The open data of one article: what `/articles/<slug>.json` serves. */
export function articleExport(article: IndexedArticle, paths: SitePaths, absolute: Absolute): ArticleExport {
  const offsets = blockOffsets(article.blocks);
  const text = plainText(article.blocks);
  const { title, dek, source, parties } = article.data;
  return {
    format: 'standpoint-article',
    version: OPEN_DATA_VERSION,
    slug: article.slug,
    title,
    ...(dek ? { dek } : {}),
    source,
    url: absolute(paths.article(article.slug)),
    text,
    blocks: offsets,
    parties: parties.map((party) => ({ ...party, url: absolute(paths.party(party.id)) })),
    claims: article.claims.map(({ claim, number, spans }) => {
      const { occurrence: _occurrence, quote: _quote, respondsTo, ...fields } = claim;
      const located = spans.map((span) => {
        const base = offsets[span.block]!.start;
        return { block: span.block + 1, start: base + span.start, end: base + span.end };
      });
      return {
        ...fields,
        number,
        quote: located.map((span) => text.slice(span.start, span.end)),
        spans: located,
        block: located[0]!.block,
        respondsTo,
        answeredBy: (article.answeredBy.get(claim.id) ?? []).map((ref) => claimReference(ref, article)),
        url: absolute(`${paths.article(article.slug)}#${claimAnchor(claim.id)}`),
      };
    }),
  };
}

/** The list of every article and party: what `/articles/index.json` serves. */
export function indexExport(index: ReferenceIndex, paths: SitePaths, absolute: Absolute): IndexExport {
  return {
    format: 'standpoint-index',
    version: OPEN_DATA_VERSION,
    articles: index.articles.map((article) => ({
      slug: article.slug,
      title: article.data.title,
      url: absolute(paths.article(article.slug)),
      data: absolute(paths.articleData(article.slug)),
      claims: article.claims.length,
      parties: article.data.parties.length,
    })),
    parties: index.parties.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      url: absolute(paths.party(entry.id)),
      articles: entry.appearances.map((appearance) => appearance.articleSlug),
      claimsMade: entry.claimsBy.length,
      claimsAbout: entry.claimsAbout.length,
    })),
  };
}

/** The published JSON Schemas, generated from the Zod schemas so they cannot drift. */
export function jsonSchemas(): Record<'frontmatter' | 'article' | 'index', unknown> {
  return {
    frontmatter: z.toJSONSchema(articleSchema, { io: 'input' }),
    article: z.toJSONSchema(articleExportSchema),
    index: z.toJSONSchema(indexExportSchema),
  };
}
