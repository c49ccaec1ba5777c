import { describe, expect, it } from 'vitest';
import { sitePaths } from './urls.ts';

describe('sitePaths', () => {
  it('puts every path under the base, with or without its trailing slash, pages ending in /', () => {
    for (const base of ['/sub', '/sub/']) {
      const p = sitePaths(base);
      expect(p.home()).toBe('/sub/');
      expect(p.article('x')).toBe('/sub/articles/x/');
      expect(p.party('y')).toBe('/sub/parties/y/');
      expect(p.claimOnArticle('x', 'c')).toBe('/sub/articles/x/#claim-c');
      expect(p.asset('/sitemap-index.xml')).toBe('/sub/sitemap-index.xml');
    }
    expect(sitePaths('/').articleData('x')).toBe('/articles/x.json');
  });
});
