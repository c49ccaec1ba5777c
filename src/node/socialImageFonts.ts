import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/*
 * The fonts of the social preview card, read once per process from npm packages' WOFF files: Inter for
 * Latin (with Latin Extended and Vietnamese), Greek and Cyrillic, Noto Sans Arabic for Arabic, Persian and
 * Urdu, and Noto Emoji (monochrome) for emoji and symbols. Each file is one face under a family name of
 * its own ("Inter latin-ext"), so that the card names, for each run of text, the face it measured it with,
 * and resvg never falls back to another face on its own.
 */

const require = createRequire(import.meta.url);

/** One font file of the card, as resvg reads it (TrueType) and as the layout measures with it. */
export interface Face {
  /** The family the card's SVG names it by, unique to its file but for the weight: "Inter latin-ext". */
  family: string;
  weight: 400 | 700;
  /** What the face draws: left-to-right text, right-to-left text, or emoji and symbols (neutral in either direction). */
  kind: 'ltr' | 'rtl' | 'emoji';
  sfnt: Buffer;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  lineGap: number;
  /** The font's bounding box, in font units: how far its glyphs reach above and below the baseline. */
  yMax: number;
  yMin: number;
  /** Advance widths in font units of the code points the font maps to a glyph. */
  advances: Map<number, number>;
}

const INTER_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
/** The card's faces, in the order a code point looks for one (the scripts besides Latin and Greek and Cyrillic in bold only: titles are bold). */
const FACE_FILES = [
  ...INTER_SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      family: `Inter ${subset}`,
      weight,
      kind: 'ltr' as const,
      file: `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`,
    })),
  ),
  {
    family: 'Noto Sans Arabic',
    weight: 700,
    kind: 'rtl',
    file: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff',
  },
  { family: 'Noto Emoji', weight: 700, kind: 'emoji', file: '@fontsource/noto-emoji/files/noto-emoji-emoji-700-normal.woff' },
] as const;

/** The tables of a WOFF 1.0 file (each zlib-compressed), by tag, in the file's order. */
function woffTables(woff: Buffer): Array<{ tag: string; checksum: number; data: Buffer }> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  return Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compressed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const stored = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.toString('latin1', at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
}

/** A TrueType font from a WOFF 1.0 file, as resvg reads only TTF/OTF; `replace` swaps whole tables (the name table). */
export function woffToSfnt(woff: Buffer, replace: Record<string, Buffer> = {}): Buffer {
  const tables = woffTables(woff).map((t) => (replace[t.tag] ? { ...t, data: replace[t.tag]! } : t));
  const count = tables.length;
  const headerBytes = 12 + 16 * count;
  const out = Buffer.alloc(tables.reduce((size, t) => size + ((t.data.length + 3) & ~3), headerBytes));
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(16 * power, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(16 * (count - power), 10);
  let position = headerBytes;
  tables.forEach((t, i) => {
    out.write(t.tag, 12 + 16 * i, 'latin1');
    out.writeUInt32BE(t.checksum, 16 + 16 * i);
    out.writeUInt32BE(position, 20 + 16 * i);
    out.writeUInt32BE(t.data.length, 24 + 16 * i);
    t.data.copy(out, position);
    position += (t.data.length + 3) & ~3;
  });
  return out;
}

/** A `name` table giving the font a family of the card's own (Windows Unicode records: family, style, full and PostScript name). */
function nameTable(family: string, weight: 400 | 700): Buffer {
  const style = weight === 700 ? 'Bold' : 'Regular';
  const names: Array<[number, string]> = [
    [1, family],
    [2, style],
    [4, `${family} ${style}`],
    [6, `${family}-${style}`.replace(/[^A-Za-z0-9-]/g, '')],
  ];
  const strings = names.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const header = Buffer.alloc(6 + 12 * names.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(names.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  names.forEach(([id], i) => {
    const at = 6 + 12 * i;
    [3, 1, 0x409, id, strings[i]!.length, offset].forEach((value, k) => header.writeUInt16BE(value, at + 2 * k));
    offset += strings[i]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

/** The code points a `cmap` table maps to a glyph (formats 4 and 12, Unicode subtables), with their glyphs. */
function readCmap(cmap: Buffer): Map<number, number> {
  const glyphs = new Map<number, number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const [platform, encoding, offset] = [cmap.readUInt16BE(4 + 8 * i), cmap.readUInt16BE(6 + 8 * i), cmap.readUInt32BE(8 + 8 * i)];
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const format = cmap.readUInt16BE(offset);
    if (format === 4) {
      const segments = cmap.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + 2 * segments + 2;
      const deltas = starts + 2 * segments;
      const rangeOffsets = deltas + 2 * segments;
      for (let s = 0; s < segments; s++) {
        const [start, end, delta, rangeOffset] = [
          cmap.readUInt16BE(starts + 2 * s),
          cmap.readUInt16BE(ends + 2 * s),
          cmap.readInt16BE(deltas + 2 * s),
          cmap.readUInt16BE(rangeOffsets + 2 * s),
        ];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const stored = rangeOffset === 0 ? c : cmap.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
          const glyph = rangeOffset !== 0 && stored === 0 ? 0 : (stored + delta) & 0xffff;
          if (glyph !== 0 && !glyphs.has(c)) glyphs.set(c, glyph);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < cmap.readUInt32BE(offset + 12); g++) {
        const at = offset + 16 + 12 * g;
        const [start, end, glyph] = [cmap.readUInt32BE(at), cmap.readUInt32BE(at + 4), cmap.readUInt32BE(at + 8)];
        for (let c = start; c <= end; c++) if (glyph + c - start !== 0 && !glyphs.has(c)) glyphs.set(c, glyph + c - start);
      }
    }
  }
  return glyphs;
}

function readFace({ family, weight, kind, file }: (typeof FACE_FILES)[number]): Face {
  const sfnt = woffToSfnt(readFileSync(require.resolve(file)), { name: nameTable(family, weight) });
  const table = (tag: string) => {
    for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
      const at = 12 + 16 * i;
      if (sfnt.toString('latin1', at, at + 4) === tag)
        return sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12));
    }
    throw new Error(`${file}: font table ${tag} missing`);
  };
  const [head, hhea, hmtx] = [table('head'), table('hhea'), table('hmtx')];
  const metricCount = hhea.readUInt16BE(34);
  const advances = new Map<number, number>();
  for (const [codePoint, glyph] of readCmap(table('cmap')))
    advances.set(codePoint, hmtx.readUInt16BE(4 * Math.min(glyph, metricCount - 1)));
  return {
    family,
    weight,
    kind,
    sfnt,
    unitsPerEm: head.readUInt16BE(18),
    yMin: head.readInt16BE(38),
    yMax: head.readInt16BE(42),
    ascender: hhea.readInt16BE(4),
    descender: hhea.readInt16BE(6),
    lineGap: hhea.readInt16BE(8),
    advances,
  };
}

let faces: Face[] | undefined;
/** Every face of the card, read and unpacked once per process (about 1.6 MB of TrueType). */
export function cardFaces(): Face[] {
  faces ??= FACE_FILES.map(readFace);
  return faces;
}

/** The faces a text of the given weight looks in, in order: Inter's of that weight, then the bold Arabic and emoji faces. */
export function faceChain(weight: 400 | 700): Face[] {
  return cardFaces().filter((face) => face.weight === weight || !face.family.startsWith('Inter '));
}

let hash: string | undefined;
/** A hash of every face's bytes: part of what decides a card's PNG. */
export function facesHash(): string {
  hash ??= cardFaces()
    .reduce((h, face) => h.update(face.sfnt), createHash('sha256'))
    .digest('hex')
    .slice(0, 16);
  return hash;
}

/** resvg loads fonts from files only: each face is written once per folder, under a name holding the faces' hash. */
const written = new Set<string>();
export function faceFile(face: Face, dir: string): string {
  const file = join(dir, `${face.family.replace(/\W+/g, '-').toLowerCase()}-${face.weight}-${facesHash()}.ttf`);
  if (!written.has(file)) {
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, face.sfnt);
      renameSync(`${file}.${process.pid}.tmp`, file);
    }
    written.add(file);
  }
  return file;
}
