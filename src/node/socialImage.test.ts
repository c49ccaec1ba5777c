import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_COLOURS, cardSvg, colourToken, missingGlyphs, socialImagePng, titleLines } from './socialImage.ts';
import { TEXT_LIMIT, cardText } from './socialImageText.ts';
import { cardFaces, faceFile, woffToSfnt } from './socialImageFonts.ts';

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
  const tempDir = () => {
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
    for (const title of ['پاکستان نے الزام مسترد کر دیا', 'Leaders react 🙂🔥 🇵🇱', 'Erdoğan and Nguyễn']) {
      expect((await socialImagePng({ ...card, title })).equals(await socialImagePng({ ...card, title }))).toBe(true);
    }
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

  it('reads its fonts from TrueType files it writes into the folder it is given, and draws the same bytes', async () => {
    const dir = tempDir();
    const png = await socialImagePng({ ...card, title: 'Erdoğan and پاکستان' }, dir);
    expect(readdirSync(dir).filter((file) => file.endsWith('.ttf')).length).toBeGreaterThanOrEqual(2);
    expect(png.equals(await socialImagePng({ ...card, title: 'Erdoğan and پاکستان' }))).toBe(true);
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

/** The rows of a card as palette indices (no filter bytes). */
function pixelRows(png: Buffer): Buffer[] {
  const rows = inflateSync(Buffer.concat(chunks(png).get('IDAT')!));
  return Array.from({ length: 630 }, (_, y) => rows.subarray(y * 1201 + 1, (y + 1) * 1201));
}

/** The leftmost and rightmost column of ink (the inks' shades, not paper or rule) in rows [from, to). */
function inkColumns(png: Buffer, from: number, to: number): [number, number] | undefined {
  let [min, max] = [Infinity, -Infinity];
  pixelRows(png)
    .slice(from, to)
    .forEach((row) =>
      row.forEach((index, x) => {
        if (index > 1) [min, max] = [Math.min(min, x), Math.max(max, x)];
      }),
    );
  return min === Infinity ? undefined : [min, max];
}

/** The `<text>` elements of a card's SVG: x, anchor, face and text. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="([\d.]+)"(?: text-anchor="(end)")? y="([\d.]+)" font-family="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    end: m[2] === 'end',
    y: Number(m[3]),
    face: m[4],
    text: m[5],
  }));

const TITLES = {
  urdu: 'پاکستان نے افغانستان میں مداخلت کے طالبان کے الزام کو مسترد کر دیا',
  arabic: 'باكستان ترفض اتهام طالبان بالتدخل في شؤون أفغانستان الداخلية، ولا تقبل ذلك',
  persian: 'وزارت خارجه‌ی ایران اتهام را رد کرد',
  emoji: 'Leaders react 🙂🔥 to the summit 🇵🇱 👨‍👩‍👧 ❤️ — a day of ✅ and ❌',
  latinExtended: 'Erdoğan, Wałęsa and Nguyễn Phú Trọng meet in Łódź; Þórður and Ærø say “no”',
  vietnameseDecomposed: 'Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng',
  greekAndCyrillic: 'Μητσοτάκης and Зеленський',
};

describe('the fonts of the card', () => {
  it('have a glyph for every character of Urdu, Arabic, Persian, emoji, Latin Extended, Vietnamese, Greek and Cyrillic titles', () => {
    for (const [script, title] of Object.entries(TITLES)) expect([script, missingGlyphs(title)]).toEqual([script, []]);
  });

  it('find the characters they lack, and then the card leaves the title off rather than draw boxes', async () => {
    const title = 'Xi Jinping 习近平 meets the press';
    expect(missingGlyphs(title)).toEqual(['习', '近', '平']);
    expect(titleLines(title)).toEqual([]);
    const png = await socialImagePng({ ...card, title });
    expect(inkColumns(png, 120, 480)).toBeUndefined();
  });

  it('draw a line that mixes faces and emoji sequences (a flag, a family), which resvg would drop as one text of several faces', async () => {
    const plain = inkColumns(await socialImagePng({ ...card, title: 'The summit' }), 120, 480)!;
    const mixed = inkColumns(await socialImagePng({ ...card, title: 'The summit 🇵🇱 👨‍👩‍👧' }), 120, 480)!;
    expect(mixed[1]).toBeGreaterThan(plain[1] + 100);
    expect(texts(cardSvg({ ...card, title: 'The summit 🇵🇱 👨‍👩‍👧' })).map((t) => [t.face, t.text])).toEqual([
      ['Inter latin', 'The summit'],
      ['Inter latin', ' '],
      ['Noto Emoji', '🇵🇱'],
      ['Inter latin', ' '],
      ['Noto Emoji', '👨‍👩‍👧'],
      ['Inter latin', '2 claims by 2 parties'],
    ]);
  });
});

describe('words drawn once', () => {
  /** A fresh instance of the module: no word drawn yet. */
  const freshModule = async () => {
    vi.resetModules();
    return import('./socialImage.ts');
  };

  it('draws each word of a card only if no card before drew it, and a card has the same bytes whichever came first', async () => {
    const first = { ...card, title: 'Kabul accuses Islamabad of sheltering fighters' };
    const second = { ...card, title: 'Islamabad accuses Kabul of sheltering fighters' };
    const fresh = await freshModule();
    const alone = await fresh.socialImagePng(second);
    const wordsAlone = fresh.wordTileCounts.drawn + fresh.wordTileCounts.reused;

    const other = await freshModule();
    await other.socialImagePng(first);
    const before = { ...other.wordTileCounts };
    const after = await other.socialImagePng(second);
    // Every word of the second card (title and subtitle) was drawn for the first: none is drawn again.
    expect(fresh.wordTileCounts.drawn).toBeGreaterThan(5);
    expect(other.wordTileCounts.drawn).toBe(before.drawn);
    expect(other.wordTileCounts.reused - before.reused).toBe(wordsAlone);
    expect(after.equals(alone)).toBe(true);
  });

  it('sets each word where resvg sets it in the whole line, kerning included', async () => {
    // Kerned pairs (W–A, A–V, V–A, T–y…): set by the sum of its advance widths, each word would start further right.
    const kerned = { ...card, title: 'WAVE AVA WAVE Tylko AVATAR WAVE' };
    const fontDir = mkdtempSync(join(tmpdir(), 'standpoint-fonts-'));
    try {
      const whole = new Resvg(cardSvg(kerned), {
        font: { loadSystemFonts: false, fontFiles: cardFaces().map((face) => faceFile(face, fontDir)) },
      }).getBBox()!;
      const [left, right] = inkColumns(await socialImagePng(kerned), 120, 480)!;
      expect(Math.abs(left - whole.x)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(right + 1 - (whole.x + whole.width))).toBeLessThanOrEqual(1.5);
    } finally {
      rmSync(fontDir, { recursive: true, force: true });
    }
  });
});

describe('right-to-left titles', () => {
  it('are set right-aligned within the text area, every line inside it', async () => {
    const long = `${TITLES.urdu} ${TITLES.arabic} ${TITLES.urdu}`;
    const [left, right] = inkColumns(await socialImagePng({ ...card, title: long }), 120, 480)!;
    // Within a few pixels: a shaped word's width is its ink's and its side bearings', as resvg measures it.
    expect(left).toBeGreaterThanOrEqual(96 - 8);
    expect(right).toBeLessThanOrEqual(96 + 1030 + 4);
    expect(right).toBeGreaterThan(96 + 1030 - 20);
    expect(titleLines(long)).toHaveLength(5);
  });

  it('draw each Arabic phrase as one text in the Arabic face (shaped whole: letters joined), and order runs right to left', () => {
    const title = texts(cardSvg({ ...card, title: 'پاکستان اور Kabul (کابل) نے کہا' })).slice(0, -1);
    // In visual order, left to right: the last words read, the Latin name, the first words read (right-aligned);
    // the brackets mirrored, as the bidi algorithm mirrors them in right-to-left text.
    expect(title.map((t) => [t.face, t.text, t.end])).toEqual([
      ['Noto Sans Arabic', 'نے کہا', true],
      ['Inter latin', ' ', true],
      ['Inter latin', '(', true],
      ['Noto Sans Arabic', 'کابل', true],
      ['Inter latin', ') ', true],
      ['Inter latin', 'Kabul', false],
      ['Inter latin', ' ', true],
      ['Noto Sans Arabic', 'پاکستان اور', true],
    ]);
    expect(title.map((t) => t.x)).toEqual([...title.map((t) => t.x)].sort((a, b) => a - b));
  });
});

describe('long fields', () => {
  it('are cut to a bound before anything is measured, and the cut ends the card’s text in "…"', () => {
    const word = 'x'.repeat(1_000_000);
    expect(cardText(word)).toEqual({ text: 'x'.repeat(TEXT_LIMIT), cut: true });
    const lines = titleLines(word);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/x…$/);
    expect(cardText('short').cut).toBe(false);
    // A title cut before five lines are full still ends in "…".
    const words = Array.from({ length: 300_000 }, () => 'ab').join('\u200b');
    expect(titleLines(words).at(-1)).toMatch(/…$/);
  });

  it('draws a 1 MB one-word title on the card, clamped', async () => {
    const png = await socialImagePng({ ...card, title: 'x'.repeat(1_000_000) });
    expect(size(png)).toEqual([1200, 630]);
    const [left, right] = inkColumns(png, 120, 480)!;
    expect(left).toBeGreaterThanOrEqual(92);
    expect(right).toBeLessThanOrEqual(1130);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const lines = titleLines('🙂'.repeat(1000));
    expect(lines.join('')).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('the card’s colours', () => {
  it('are the light scheme’s design tokens of the site’s CSS', () => {
    const css = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');
    expect(CARD_COLOURS).toEqual({
      paper: colourToken('color-bg', css),
      rule: colourToken('color-mark-rule', css),
      ink: colourToken('color-text', css),
      muted: colourToken('color-muted', css),
    });
    expect(
      colourToken('color-bg', ':root { --color-bg: #102030; } @media (prefers-color-scheme: dark) { :root { --color-bg: #000000; } }'),
    ).toEqual([0x10, 0x20, 0x30]);
    expect(() => colourToken('color-paper', css)).toThrow('--color-paper');
  });
});
