import { z } from 'astro/zod';
import { articleSchema } from '../schemas/article.ts';
import {
  type ArticleExport,
  articleExportSchema,
  type IndexExport,
  indexExportSchema,
  OPEN_DATA_VERSION,
} from '../schemas/openData.ts';
import { PARAGRAPH_SEPARATOR, plainText } from './articleText.ts';
import type { IndexedArticle, ReferenceIndex } from './referenceIndex.ts';
import { claimAnchor, type SitePaths } from './urls.ts';

/** Turns a site path into an absolute URL on `site`. */
export type Absolute = (path: string) => string;

/** Where each paragraph starts and ends in the article's plain text. */
export function paragraphOffsets(paragraphs: readonly string[]): Array<{ n: number; start: number; end: number }> {
  let start = 0;
  return paragraphs.map((text, i) => {
    const entry = { n: i + 1, start, end: start + text.length };
    start = entry.end + PARAGRAPH_SEPARATOR.length;
    return entry;
  });
}

/** The open data of one article: what `/articles/<slug>.json` serves. */
export function articleExport(article: IndexedArticle, paths: SitePaths, absolute: Absolute): ArticleExport {
  const offsets = paragraphOffsets(article.paragraphs);
  const { title, dek, source, parties } = article.data;
  return {
    format: 'standpoint-article',
    version: OPEN_DATA_VERSION,
    slug: article.slug,
    title,
    ...(dek ? { dek } : {}),
    source,
    url: absolute(paths.article(article.slug)),
    text: plainText(article.paragraphs),
    paragraphs: offsets,
    parties: parties.map((party) => ({ ...party, url: absolute(paths.party(party.id)) })),
    claims: article.claims.map(({ claim, number, anchor }) => {
      const base = offsets[anchor.paragraph]!.start;
      const { occurrence: _occurrence, ...fields } = claim;
      return {
        ...fields,
        number,
        paragraph: anchor.paragraph + 1,
        start: base + anchor.start,
        end: base + anchor.end,
        answeredBy: (article.answeredBy.get(claim.id) ?? []).map((ref) => ref.claim.id),
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
      name: entry.party.name,
      kind: entry.party.kind,
      url: absolute(paths.party(entry.id)),
      articles: entry.articleSlugs,
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
