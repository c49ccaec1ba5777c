import { describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { articleExportSchema } from '../schemas/openData.ts';
import { articleExport, blockOffsets } from './openData.ts';
import { sitePaths } from './urls.ts';

const absolute = (path: string) => new URL(path, 'https://standpoint.example').href;
const paths = sitePaths('/sub/');

describe('articleExport', () => {
  it('gives each quote span character offsets into the exported text', () => {
    const data = articleExport(indexedSample(), paths, absolute);
    expect(data.claims).toHaveLength(2);
    for (const claim of data.claims) {
      expect(claim.spans.map((span) => data.text.slice(span.start, span.end))).toEqual(claim.quote);
    }
    for (const block of data.blocks) expect(data.text.slice(block.start, block.end)).not.toMatch(/^\s|\n/);
    expect(data.claims.map((claim) => [claim.number, claim.block])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('exports a quote in several spans over several blocks, each as the text has it', () => {
    const source = validSource({ body: '> “We will not\n> yield,” she said.\n>\n> “Not today.”\n' });
    source.data.claims = [
      {
        id: 'no-yield',
        by: 'pakistan',
        kind: 'reject',
        about: ['taliban-administration'],
        summary: 'She says Pakistan will not yield.',
        quote: ['“We will not yield,”', '“Not today.”'],
      },
    ];
    const data = articleExport(indexedSample(source), paths, absolute);
    expect(data.blocks.map((block) => block.type)).toEqual(['blockquote', 'blockquote']);
    const [claim] = data.claims;
    expect(claim!.quote).toEqual(['“We will not\nyield,”', '“Not today.”']);
    expect(claim!.spans.map((span) => span.block)).toEqual([1, 2]);
    expect(articleExportSchema.safeParse(data).success).toBe(true);
  });

  it('points to the offset of the chosen occurrence of a repeated quote', () => {
    const source = validSource({ body: 'Pakistan says no.\n\nPakistan says no, again.\n' });
    source.data.claims = [
      {
        id: 'second-no',
        by: 'pakistan',
        kind: 'reject',
        about: ['pakistan'],
        summary: 'Pakistan says no again.',
        quote: 'Pakistan says no',
        occurrence: 2,
      },
    ];
    source.data.parties = source.data.parties.slice(0, 1);
    const data = articleExport(indexedSample(source), paths, absolute);
    expect(data.claims[0]!.spans[0]!.start).toBe('Pakistan says no.\n\n'.length);
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

  it('computes block offsets across the separator, with each block’s type', () => {
    expect(
      blockOffsets([
        { type: 'heading', text: 'ab' },
        { type: 'paragraph', text: 'cde' },
      ]),
    ).toEqual([
      { n: 1, type: 'heading', start: 0, end: 2 },
      { n: 2, type: 'paragraph', start: 4, end: 7 },
    ]);
  });
});
