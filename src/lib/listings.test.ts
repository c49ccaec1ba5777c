import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { listDataRoutes, listPageRoutes, mostCitedFirst, newestFirst, paginate } from './listings.ts';
import { buildReferenceIndex } from './referenceIndex.ts';
import { checkArticles } from './checkArticles.ts';

describe('paginate', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages).toEqual([
      { n: 1, pages: 3, items: [1, 2] },
      { n: 2, pages: 3, items: [3, 4] },
      { n: 3, pages: 3, items: [5] },
    ]);
  });

  it('gives one page for a list that fits, and one empty page for an empty list', () => {
    expect(paginate([1, 2], 2)).toEqual([{ n: 1, pages: 1, items: [1, 2] }]);
    expect(paginate([], 10)).toEqual([{ n: 1, pages: 1, items: [] }]);
  });

  it('keeps every item once, in order, however the list divides', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    const pages = paginate(items, 100);
    expect(pages).toHaveLength(11);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(Math.max(...pages.map((page) => page.items.length))).toBe(100);
  });
});

describe('newestFirst and mostCitedFirst', () => {
  const article = (slug: string, title: string, published?: string) => {
    const source = validSource({ file: `content/articles/${slug}.mdx`, slug });
    source.data.title = title;
    if (published) source.data.source = { published };
    return source;
  };

  it('orders articles by the date their source gives, newest first, undated last, then by title', () => {
    const { articles } = checkArticles([
      article('a', 'Zeta', '2025-01-02'),
      article('b', 'Alpha'),
      article('c', 'Beta', '2025-03-01'),
      article('d', 'Gamma', '2025-03-01'),
    ]);
    const index = buildReferenceIndex(articles);
    expect(newestFirst(index.articles).map((a) => a.slug)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('orders parties by how many claims they play a part in', () => {
    const index = buildReferenceIndex(checkArticles([validSource()]).articles);
    // Both claims involve each party (one by it, one about it), so the tie goes by name.
    expect(mostCitedFirst(index.parties).map((party) => party.id)).toEqual(['pakistan', 'taliban-administration']);
  });
});

describe('listPageRoutes and listDataRoutes', () => {
  it('gives the first page the list’s own address and the others /page/<n>/, each with the list’s length', () => {
    const routes = listPageRoutes(['a', 'b', 'c', 'd', 'e'], 2);
    expect(routes.map((route) => route.params.page)).toEqual([undefined, 'page/2', 'page/3']);
    expect(routes.map((route) => route.props.page.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(routes.every((route) => route.props.total === 5)).toBe(true);
    expect(listPageRoutes([], 2)).toEqual([{ params: { page: undefined }, props: { page: { n: 1, pages: 1, items: [] }, total: 0 } }]);
  });

  it('serves the first page of data as index.json and the others as page/<n>.json', () => {
    const pages = [{ page: 1 }, { page: 2 }];
    expect(listDataRoutes(pages)).toEqual([
      { params: { page: 'index' }, props: { data: { page: 1 } } },
      { params: { page: 'page/2' }, props: { data: { page: 2 } } },
    ]);
  });
});
