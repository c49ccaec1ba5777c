import type { IndexedArticle, PartyEntry } from './referenceIndex.ts';

/** Articles on one page of the article index, and parties on one page of the party index. */
export const ARTICLES_PER_INDEX_PAGE = 100;
export const PARTIES_PER_INDEX_PAGE = 100;
/** How many of the newest articles and of the most-cited parties the home page shows. */
export const HOME_LISTED = 20;

/** Path segments the site keeps for its own pages: no article slug or party id may be one. */
export const RESERVED_SLUGS = ['page', 'index'] as const;

/** One page of a list: its number (from 1), its items, and how many pages there are. */
export interface ListPage<T> {
  n: number;
  pages: number;
  items: T[];
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({ n: i + 1, pages, items: items.slice(i * size, (i + 1) * size) }));
}

/** Newest first by the date the source gives; articles without one after those with one; then by title. */
export function newestFirst(articles: readonly IndexedArticle[]): IndexedArticle[] {
  return [...articles].sort((a, b) => {
    const da = a.data.source.published ?? '';
    const db = b.data.source.published ?? '';
    return db.localeCompare(da) || a.data.title.localeCompare(b.data.title, 'en') || a.slug.localeCompare(b.slug);
  });
}

/** Parties with the most claims (made, about and reported) first; then by name. */
export function mostCitedFirst(parties: readonly PartyEntry[]): PartyEntry[] {
  return [...parties].sort((a, b) => b.claims.length - a.claims.length || a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}
