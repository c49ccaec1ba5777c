import { z } from 'astro/zod';
import { articleSchema } from '../schemas/article.ts';
import {
  type ArticleExport,
  articleExportSchema,
  type ArticleIndexExport,
  articleIndexExportSchema,
  OPEN_DATA_VERSION,
  type PartyIndexExport,
  partyIndexExportSchema,
} from '../schemas/openData.ts';
import { ARTICLES_PER_INDEX_PAGE, type ListPage, newestFirst, paginate, PARTIES_PER_INDEX_PAGE } from './listings.ts';
import { BLOCK_SEPARATOR, plainText, type TextBlock } from './articleText.ts';
import type { ClaimRef, IndexedArticle, ReferenceIndex } from './referenceIndex.ts';
import { claimAnchor, type SchemaName, type SitePaths, type ToAbsoluteUrl } from './urls.ts';

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
export function articleExport(article: IndexedArticle, paths: SitePaths, absolute: ToAbsoluteUrl): ArticleExport {
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

/** The article index, a page at a time, newest first: what `/articles/index.json` and `/articles/page/<n>.json` serve. */
export function articleIndexExports(index: ReferenceIndex, paths: SitePaths, absolute: ToAbsoluteUrl): ArticleIndexExport[] {
  const articles = newestFirst(index.articles);
  return paginate(articles, ARTICLES_PER_INDEX_PAGE).map((page) => ({
    format: 'standpoint-article-index',
    version: OPEN_DATA_VERSION,
    ...neighbours(page, articles.length, (n) => absolute(paths.articleIndexData(n))),
    articles: page.items.map((article) => ({
      slug: article.slug,
      title: article.data.title,
      ...(article.data.source.published ? { published: article.data.source.published } : {}),
      url: absolute(paths.article(article.slug)),
      data: absolute(paths.articleData(article.slug)),
      claims: article.claims.length,
      parties: article.data.parties.length,
    })),
  }));
}

/** The party index, a page at a time, by name: what `/parties/index.json` and `/parties/page/<n>.json` serve. */
export function partyIndexExports(index: ReferenceIndex, paths: SitePaths, absolute: ToAbsoluteUrl): PartyIndexExport[] {
  return paginate(index.parties, PARTIES_PER_INDEX_PAGE).map((page) => ({
    format: 'standpoint-party-index',
    version: OPEN_DATA_VERSION,
    ...neighbours(page, index.parties.length, (n) => absolute(paths.partyIndexData(n))),
    parties: page.items.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      url: absolute(paths.party(entry.id)),
      articles: entry.appearances.length,
      claimsMade: entry.claimsBy.length,
      claimsAbout: entry.claimsAbout.length,
    })),
  }));
}

/** A page's number, the page count, the whole list's size and its neighbours' URLs. */
function neighbours(page: ListPage<unknown>, total: number, url: (n: number) => string) {
  return {
    page: page.n,
    pages: page.pages,
    total,
    ...(page.n > 1 ? { prev: url(page.n - 1) } : {}),
    ...(page.n < page.pages ? { next: url(page.n + 1) } : {}),
  };
}

/** The published JSON Schemas, generated from the Zod schemas so they cannot drift. */
export function jsonSchemas(): Record<SchemaName, unknown> {
  return {
    frontmatter: z.toJSONSchema(articleSchema, { io: 'input' }),
    article: z.toJSONSchema(articleExportSchema),
    'article-index': z.toJSONSchema(articleIndexExportSchema),
    'party-index': z.toJSONSchema(partyIndexExportSchema),
  };
}
