import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { socialImagePng, titleLines, woffToSfnt } from './socialImage.ts';

const card = { title: 'Pakistan rejects an accusation', subtitle: '2 claims by 2 parties', siteName: 'Standpoint' };
/** Width and height from a PNG's IHDR chunk. */
const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

/** The chunks of a PNG, by type. */
function chunks(png: Buffer): Map<string, Buffer[]> {
  const found = new Map<string, Buffer[]>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    found.set(type, [...(found.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  return found;
}

describe('socialImagePng', () => {
  const dirs: string[] = [];
  const cacheDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'standpoint-social-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('draws a 1200×630 PNG, the same bytes every time', async () => {
    const png = await socialImagePng(card);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(size(png)).toEqual([1200, 630]);
    expect((await socialImagePng(card)).equals(png)).toBe(true);
  });

  it('is an 8-bit palette image of paper, rule and shades of the two inks, with text drawn on it', async () => {
    const png = await socialImagePng(card);
    expect([...png.subarray(24, 29)]).toEqual([8, 3, 0, 0, 0]);
    const parts = chunks(png);
    const palette = parts.get('PLTE')![0]!;
    expect(palette.length).toBe(3 * 256);
    expect([...palette.subarray(0, 6)]).toEqual([0xfd, 0xfc, 0xf9, 0xa5, 0x7a, 0x00]);
    const rows = inflateSync(Buffer.concat(parts.get('IDAT')!));
    expect(rows.length).toBe(630 * 1201);
    const row = (y: number) => rows.subarray(y * 1201 + 1, (y + 1) * 1201);
    // The rule on the left of every row, paper right of it where there is no text.
    expect(
      row(0)
        .subarray(0, 24)
        .every((i) => i === 1),
    ).toBe(true);
    expect(
      row(0)
        .subarray(24)
        .every((i) => i === 0),
    ).toBe(true);
    // Text: some rows hold darker shades (indices past the rule's).
    expect([...rows].some((i) => i > 1)).toBe(true);
  });

  it('draws each card differently', async () => {
    const other = await socialImagePng({ ...card, title: 'Kabul accuses Islamabad' });
    expect(other.equals(await socialImagePng(card))).toBe(false);
  });

  it('keeps each drawn PNG in the cache folder and serves it from there on the next build', async () => {
    const dir = cacheDir();
    const drawn = await socialImagePng(card, dir);
    const [file] = readdirSync(join(dir, 'social-images'));
    expect(file).toMatch(/^[0-9a-f]{64}\.png$/);
    expect((await socialImagePng(card)).equals(drawn)).toBe(true);
    // Served from the cache: a marker written into the cached file comes back.
    writeFileSync(join(dir, 'social-images', file!), 'cached');
    expect((await socialImagePng(card, dir)).toString()).toBe('cached');
  });

  it('draws a changed card anew, under another name', async () => {
    const dir = cacheDir();
    await socialImagePng(card, dir);
    const changed = await socialImagePng({ ...card, subtitle: '3 claims by 2 parties' }, dir);
    expect(readdirSync(join(dir, 'social-images')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(size(changed)).toEqual([1200, 630]);
  });
});

describe('titleLines', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines('Pakistan rejects an accusation')).toEqual(['Pakistan rejects an accusation']);
  });

  it('wraps a long title at spaces, keeping every word', () => {
    const title = 'Pakistan rejects Taliban accusation of interference in Afghanistan';
    const lines = titleLines(title);
    expect(lines).toEqual(['Pakistan rejects Taliban', 'accusation of interference in', 'Afghanistan']);
    expect(lines.join(' ')).toBe(title);
  });

  it('cuts a title too long for five lines, ending the fifth in an ellipsis', () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const lines = titleLines(title);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/…$/);
    expect(title.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
  });

  it('cuts a word wider than the card', () => {
    const lines = titleLines('x'.repeat(120));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(120));
  });
});

describe('woffToSfnt', () => {
  it('unpacks a WOFF font into a TrueType font with the same tables', () => {
    const woff = readFileSync(createRequire(import.meta.url).resolve('@fontsource/inter/files/inter-latin-400-normal.woff'));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    const tags = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString('latin1', 12 + 16 * i, 16 + 16 * i));
    expect(tags).toContain('glyf');
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow();
  });
});
