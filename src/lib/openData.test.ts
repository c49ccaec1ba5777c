import { describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { articleExportSchema } from '../schemas/openData.ts';
import { articleExport, paragraphOffsets } from './openData.ts';
import { sitePaths } from './urls.ts';

const absolute = (path: string) => new URL(path, 'https://standpoint.example').href;
const paths = sitePaths('/sub/');

describe('articleExport', () => {
  it('gives each quote character offsets into the exported text', () => {
    const data = articleExport(indexedSample(), paths, absolute);
    expect(data.claims).toHaveLength(2);
    for (const claim of data.claims) expect(data.text.slice(claim.start, claim.end)).toBe(claim.quote);
    for (const paragraph of data.paragraphs) expect(data.text.slice(paragraph.start, paragraph.end)).not.toMatch(/^\s|\n/);
    expect(data.claims.map((claim) => [claim.number, claim.paragraph])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('points to the offset of the chosen occurrence of a repeated quote', () => {
    const source = validSource({ body: 'Pakistan says no.\n\nPakistan says no, again.\n' });
    source.data.claims = [{ id: 'second-no', by: 'pakistan', kind: 'reject', about: ['pakistan'], summary: 'Pakistan says no again.', quote: 'Pakistan says no', occurrence: 2 }];
    source.data.parties = source.data.parties.slice(0, 1);
    const data = articleExport(indexedSample(source), paths, absolute);
    expect(data.claims[0]!.start).toBe('Pakistan says no.\n\n'.length);
    expect(data.claims[0]).not.toHaveProperty('occurrence');
  });

  it('matches the published schema, with absolute URLs under the base path and only the source facts given', () => {
    const data = articleExport(indexedSample(), paths, absolute);
    expect(articleExportSchema.safeParse(data).success).toBe(true);
    expect(data.url).toBe('https://standpoint.example/sub/articles/sample/');
    expect(data.claims[0]!.url).toBe('https://standpoint.example/sub/articles/sample/#claim-pakistan-rejects');
    expect(data.source).toEqual({});
    expect(data).not.toHaveProperty('dek');
  });

  it('computes paragraph offsets across the separator', () => {
    expect(paragraphOffsets(['ab', 'cde'])).toEqual([
      { n: 1, start: 0, end: 2 },
      { n: 2, start: 4, end: 7 },
    ]);
  });
});
