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

/** The props of one page of a paginated list: the page and the whole list's length (a type, not an interface: Astro's props are a plain record). */
export type ListPageProps<T> = {
  page: ListPage<T>;
  total: number;
};

/** The static routes of a paginated list: `/x/`, then `/x/page/2/`, … (`page` is never a slug or id). */
export function listPageRoutes<T>(
  items: readonly T[],
  size: number,
): Array<{ params: { page: string | undefined }; props: ListPageProps<T> }> {
  return paginate(items, size).map((page) => ({
    params: { page: page.n === 1 ? undefined : `page/${page.n}` },
    props: { page, total: items.length },
  }));
}

/** The static routes of a paginated list's data: `/x/index.json`, then `/x/page/2.json`, … (`index` and `page` are never a slug or id). */
export function listDataRoutes<T extends { page: number }>(pages: readonly T[]): Array<{ params: { page: string }; props: { data: T } }> {
  return pages.map((data) => ({ params: { page: data.page === 1 ? 'index' : `page/${data.page}` }, props: { data } }));
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
