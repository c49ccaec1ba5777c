import { describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { articleStructuredData, jsonLdText } from './structuredData.ts';
import { sitePaths } from './urls.ts';

const absolute = (path: string) => new URL(path, 'https://standpoint.example').href;
const paths = sitePaths('/sub/');
const PARTY = 'https://standpoint.example/sub/parties/';

/** The nodes of the article's graph. */
const nodes = (source = validSource()) =>
  articleStructuredData(indexedSample(source), paths, absolute)['@graph'] as unknown as Array<Record<string, any>>;

describe('structured data', () => {
  it('describes the article with only what the source gives, each party once, and each claim by reference', () => {
    const [article, ...rest] = nodes();
    expect(Object.keys(article!).sort()).toEqual(['@id', '@type', 'headline', 'url']);
    expect(rest.filter((node) => node['@type'] !== 'Claim').map((node) => [node['@type'], node['@id'], node.name])).toEqual([
      ['GovernmentOrganization', `${PARTY}pakistan/`, 'Pakistan'],
      ['GovernmentOrganization', `${PARTY}taliban-administration/`, 'Taliban administration'],
    ]);
    expect(rest.filter((node) => node['@type'] === 'Claim').map((claim) => [claim['@id'], claim.author, claim.about])).toEqual([
      [`${article!['@id']}#claim-pakistan-rejects`, { '@id': `${PARTY}pakistan/` }, [{ '@id': `${PARTY}taliban-administration/` }]],
      [`${article!['@id']}#claim-taliban-accuses`, { '@id': `${PARTY}taliban-administration/` }, [{ '@id': `${PARTY}pakistan/` }]],
    ]);
  });

  it('gives a spokesperson its affiliation, and the claim its speaker and date', () => {
    const source = validSource();
    source.data.parties.push({ id: 'spokesperson', name: 'Foreign Office spokesperson', kind: 'person', speaksFor: 'pakistan' });
    source.data.claims[1] = { ...source.data.claims[1], by: 'spokesperson', speaker: 'a spokesperson', date: '2025-03-13' };
    source.body = source.body.replace('Pakistan says', 'The Foreign Office spokesperson of Pakistan says');
    const graph = nodes(source);
    expect(graph.find((node) => node['@id'] === `${PARTY}spokesperson/`)).toMatchObject({
      '@type': 'Person',
      affiliation: { '@id': `${PARTY}pakistan/` },
    });
    expect(graph.find((node) => node['@id']?.endsWith('#claim-pakistan-rejects'))).toMatchObject({
      creditText: 'a spokesperson',
      dateCreated: '2025-03-13',
    });
  });

  it('adds publisher, date and source address when the source gives them', () => {
    const source = validSource();
    source.data.source = { publisher: 'The Desk', published: '2026-01-02', url: 'https://news.example/a' };
    expect(nodes(source)[0]).toMatchObject({
      publisher: { name: 'The Desk' },
      datePublished: '2026-01-02',
      isBasedOn: 'https://news.example/a',
    });
  });

  it('escapes < so that text in a claim cannot close the script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});
