import { describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { articleStructuredData, jsonLdText } from './structuredData.ts';
import { sitePaths } from './urls.ts';

const absolute = (path: string) => new URL(path, 'https://standpoint.example').href;
const paths = sitePaths('/sub/');

describe('structured data', () => {
  it('describes the article with only what the source gives, and each claim with its claimant as author', () => {
    const [article, ...claims] = articleStructuredData(indexedSample(), paths, absolute);
    expect(Object.keys(article!).sort()).toEqual(['@context', '@type', 'headline', 'url']);
    expect(claims.map((claim) => [claim['@type'], (claim as { author: { name: string; '@type': string } }).author])).toEqual([
      ['Claim', { '@type': 'GovernmentOrganization', name: 'Pakistan', url: 'https://standpoint.example/sub/parties/pakistan/' }],
      ['Claim', { '@type': 'GovernmentOrganization', name: 'Taliban administration', url: 'https://standpoint.example/sub/parties/taliban-administration/' }],
    ]);
  });

  it('adds publisher, date and source address when the source gives them', () => {
    const source = validSource();
    source.data.source = { publisher: 'The Desk', published: '2026-01-02', url: 'https://news.example/a' };
    const [article] = articleStructuredData(indexedSample(source), paths, absolute);
    expect(article).toMatchObject({ publisher: { name: 'The Desk' }, datePublished: '2026-01-02', isBasedOn: 'https://news.example/a' });
  });

  it('escapes < so that text in a claim cannot close the script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
