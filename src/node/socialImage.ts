import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { constants as zlibConstants, crc32, deflate as deflateCallback, inflateSync } from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';

/*
 * The social preview card: a fixed template (paper, a gold rule on the left, the site's name, the title,
 * a subtitle), drawn as cheaply as a build of thousands of articles needs:
 *
 * - no general layout engine: the title is wrapped here with the font's advance widths, and the SVG holds
 *   three `<text>` elements that resvg shapes and fills with Inter (loaded from the npm package's WOFF, so
 *   every machine draws the same image without system fonts, and resvg does not scan the system's fonts);
 * - the static part (paper, rule, site name) is drawn once per process; each card rasterises only the
 *   rows of its title and subtitle, packed one above the other, as coverage (alpha) on the thread pool;
 * - the card is an 8-bit palette PNG (paper, rule and 127 shades of each ink), encoded here with zlib's
 *   asynchronous deflate, also on the thread pool: the main thread only wraps, copies and maps bytes.
 */

const require = createRequire(import.meta.url);

export interface SocialCard {
  title: string;
  /** e.g. "26 claims by 7 parties". */
  subtitle: string;
  siteName: string;
}

// ---------------------------------------------------------------- fonts

/** A TrueType font from a WOFF 1.0 file (each table zlib-compressed), as resvg reads only TTF/OTF. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + 20 * i;
    const [offset, compressed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const stored = woff.subarray(offset, offset + compressed);
    return {
      tag: woff.toString('latin1', at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(stored) : stored,
    };
  });
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

interface Font {
  weight: 400 | 700;
  sfnt: Buffer;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  lineGap: number;
  /** Advance width in font units of a code point (the missing-glyph box's for one the font lacks). */
  advance: (codePoint: number) => number;
}

function readFont(weight: 400 | 700): Font {
  const sfnt = woffToSfnt(readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)));
  const table = (tag: string) => {
    for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
      const at = 12 + 16 * i;
      if (sfnt.toString('latin1', at, at + 4) === tag)
        return sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12));
    }
    throw new Error(`font table ${tag} missing`);
  };
  const [head, hhea, hmtx, cmap] = [table('head'), table('hhea'), table('hmtx'), table('cmap')];
  const metricCount = hhea.readUInt16BE(34);
  const glyphs = new Map<number, number>();
  // cmap format 4 (Unicode BMP, platform 3 encoding 1 or platform 0).
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const [platform, encoding, offset] = [cmap.readUInt16BE(4 + 8 * i), cmap.readUInt16BE(6 + 8 * i), cmap.readUInt32BE(8 + 8 * i)];
    if (!((platform === 3 && encoding === 1) || platform === 0) || cmap.readUInt16BE(offset) !== 4) continue;
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
        const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : cmap.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        if (glyph !== 0 && !glyphs.has(c)) glyphs.set(c, rangeOffset === 0 ? glyph : (glyph + delta) & 0xffff);
      }
    }
  }
  const advanceOf = (glyph: number) => hmtx.readUInt16BE(4 * Math.min(glyph, metricCount - 1));
  return {
    weight,
    sfnt,
    unitsPerEm: head.readUInt16BE(18),
    ascender: hhea.readInt16BE(4),
    descender: hhea.readInt16BE(6),
    lineGap: hhea.readInt16BE(8),
    advance: (codePoint) => advanceOf(glyphs.get(codePoint) ?? 0),
  };
}

const REGULAR = readFont(400);
const BOLD = readFont(700);
const FONTS_HASH = createHash('sha256').update(REGULAR.sfnt).update(BOLD.sfnt).digest('hex').slice(0, 16);

/** resvg loads fonts from files only: the TTFs are written once, under a name that is their content's hash. */
const fontFileCache = new Map<string, string[]>();
function fontFiles(dir: string): string[] {
  let files = fontFileCache.get(dir);
  if (!files) {
    mkdirSync(dir, { recursive: true });
    files = [REGULAR, BOLD].map((font) => {
      const file = join(dir, `inter-${font.weight}-${FONTS_HASH}.ttf`);
      if (!existsSync(file)) {
        writeFileSync(`${file}.${process.pid}.tmp`, font.sfnt);
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
      return file;
    });
    fontFileCache.set(dir, files);
  }
  return files;
}

// ---------------------------------------------------------------- layout

const WIDTH = 1200;
const HEIGHT = 630;
const RULE_WIDTH = 24;
const LEFT = RULE_WIDTH + 72;
const TOP = 64;
const BOTTOM = HEIGHT - 64;
const TEXT_WIDTH = 1030;
const MAX_TITLE_LINES = 5;
/** Rows and columns around a text's line boxes that its glyphs may reach (accents, descenders, overhangs). */
const MARGIN = 12;
const LAYER_LEFT = LEFT - 16;
const LAYER_WIDTH = WIDTH - LAYER_LEFT;

interface TextStyle {
  font: Font;
  size: number;
  /** Line height in pixels. */
  lineHeight: number;
  letterSpacing: number;
}

const normalLineHeight = (font: Font, size: number) => ((font.ascender - font.descender + font.lineGap) / font.unitsPerEm) * size;
const SITE_NAME: TextStyle = { font: BOLD, size: 30, lineHeight: normalLineHeight(BOLD, 30), letterSpacing: 2 };
const SUBTITLE: TextStyle = { font: REGULAR, size: 32, lineHeight: normalLineHeight(REGULAR, 32), letterSpacing: 0 };
const titleStyle = (title: string): TextStyle => {
  const size = title.length > 80 ? 54 : 64;
  return { font: BOLD, size, lineHeight: 1.15 * size, letterSpacing: 0 };
};

function textWidth(text: string, style: TextStyle): number {
  let units = 0;
  let count = 0;
  for (const char of text) {
    units += style.font.advance(char.codePointAt(0)!);
    count++;
  }
  return (units / style.font.unitsPerEm) * style.size + style.letterSpacing * count;
}

/** Greedy line breaking at spaces (a word wider than a line is cut); past `maxLines`, the last line ends in "…". */
function wrapText(text: string, style: TextStyle, width: number, maxLines: number): string[] {
  const fits = (line: string) => textWidth(line, style) <= width;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (line && fits(`${line} ${word}`)) {
      line = `${line} ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (!fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  let last = lines[maxLines - 1]!;
  while (last && !fits(`${last}…`)) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : last.slice(0, -1);
  return [...lines.slice(0, maxLines - 1), `${last}…`];
}

/** A block of text lines at `top` (CSS line boxes: the glyphs centred in each line's height). */
interface Block {
  style: TextStyle;
  lines: string[];
  top: number;
  height: number;
  /** Palette index of the ink's first shade. */
  ink: number;
}

const block = (style: TextStyle, lines: string[], top: number, ink: number): Block => ({
  style,
  lines,
  top,
  height: lines.length * style.lineHeight,
  ink,
});

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (value: number) => String(Math.round(value * 100) / 100);

/** The `<text>` elements of a block, with `shift` added to every y (black: only the coverage is used). */
function blockSvg(b: Block, shift: number): string {
  const { font, size, lineHeight, letterSpacing } = b.style;
  const glyphHeight = ((font.ascender - font.descender) / font.unitsPerEm) * size;
  const baseline = (lineHeight - glyphHeight) / 2 + (font.ascender / font.unitsPerEm) * size;
  return b.lines
    .map(
      (line, i) =>
        `<text x="${LEFT}" y="${num(b.top + shift + i * lineHeight + baseline)}" font-family="Inter" font-weight="${font.weight}" font-size="${size}"${letterSpacing ? ` letter-spacing="${letterSpacing}"` : ''}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/** Rows [from, to) of the card a block's glyphs may cover. */
const rowsOf = (b: Block) => [Math.max(0, Math.floor(b.top) - MARGIN), Math.min(HEIGHT, Math.ceil(b.top + b.height) + MARGIN)] as const;

/**
 * One SVG holding the given blocks' rows packed one above the other, as wide as the text area; and where
 * each block's rows go in the card.
 */
function layerOf(blocks: Block[]): {
  svg: string;
  height: number;
  bands: Array<{ layerRow: number; cardRow: number; rows: number; ink: number }>;
} {
  let height = 0;
  let body = '';
  const bands = blocks.map((b) => {
    const [from, to] = rowsOf(b);
    const band = { layerRow: height, cardRow: from, rows: to - from, ink: b.ink };
    body += blockSvg(b, height - from);
    height += to - from;
    return band;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${LAYER_WIDTH}" height="${height}" viewBox="${LAYER_LEFT} 0 ${LAYER_WIDTH} ${height}">${body}</svg>`;
  return { svg, height, bands };
}

// ---------------------------------------------------------------- palette and PNG

const COLOURS = { paper: [0xfd, 0xfc, 0xf9], rule: [0xa5, 0x7a, 0x00], ink: [0x1d, 0x1c, 0x1a], muted: [0x57, 0x53, 0x4b] };
/** Shades of each ink over the paper, besides the paper itself (coverage 0). */
const SHADES = 127;
const PAPER = 0;
const RULE = 1;
/** The palette index of shade s (1..SHADES) of an ink is its base + s: the inks' shades follow paper and rule. */
const INK = RULE;
const MUTED = RULE + SHADES;
const PALETTE = Buffer.from([
  ...COLOURS.paper,
  ...COLOURS.rule,
  ...[COLOURS.ink, COLOURS.muted].flatMap((ink) =>
    Array.from({ length: SHADES }, (_, i) =>
      ink.map((c, k) => Math.round(COLOURS.paper[k]! + ((c - COLOURS.paper[k]!) * (i + 1)) / SHADES)),
    ).flat(),
  ),
]);
/** Coverage (alpha 0–255) to shade (0–SHADES). */
const SHADE_OF = Uint8Array.from({ length: 256 }, (_, alpha) => Math.round((alpha * SHADES) / 255));
const ROW_BYTES = 1 + WIDTH; // filter byte + one palette index per pixel
/** Run-length matches only: the rows are long runs of paper, and this is ~5× faster than the default level. One output chunk. */
const DEFLATE_OPTIONS = { strategy: zlibConstants.Z_RLE, chunkSize: 64 * 1024 };
const deflate = promisify(deflateCallback);

/** Composes a rendered layer's coverage into the card's rows (palette indices). */
function compose(raster: Buffer, pixels: Buffer, bands: ReturnType<typeof layerOf>['bands']) {
  for (const band of bands) {
    for (let r = 0; r < band.rows; r++) {
      const from = (band.layerRow + r) * LAYER_WIDTH * 4 + 3;
      const to = (band.cardRow + r) * ROW_BYTES + 1 + LAYER_LEFT;
      for (let x = 0; x < LAYER_WIDTH; x++) {
        const shade = SHADE_OF[pixels[from + 4 * x]!]!;
        if (shade) raster[to + x] = band.ink + shade;
      }
    }
  }
}

const RENDER_OPTIONS = (dir: string) => ({ font: { loadSystemFonts: false, fontFiles: fontFiles(dir), defaultFontFamily: 'Inter' } });

/** The static part of the card (paper, rule, site name) as filtered PNG rows, drawn once per site name. */
const backgrounds = new Map<string, Promise<Buffer>>();
function background(siteName: string, fontDir: string): Promise<Buffer> {
  let raster = backgrounds.get(siteName);
  if (!raster) {
    raster = (async () => {
      const rows = Buffer.alloc(ROW_BYTES * HEIGHT, PAPER);
      for (let y = 0; y < HEIGHT; y++) {
        rows[y * ROW_BYTES] = 0; // filter: none
        rows.fill(RULE, y * ROW_BYTES + 1, y * ROW_BYTES + 1 + RULE_WIDTH);
      }
      const layer = layerOf([block(SITE_NAME, [siteName.toUpperCase()], TOP, MUTED)]);
      compose(rows, (await renderAsync(layer.svg, RENDER_OPTIONS(fontDir))).pixels, layer.bands);
      return rows;
    })();
    backgrounds.set(siteName, raster);
  }
  return raster;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(type)), 0);
  return Buffer.concat([head, data, tail]);
}

function png(idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per pixel, palette, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('PLTE', PALETTE),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- the card

/** The lines the card draws its title on: wrapped at the text width, at most five (the fifth ends in "…" if cut). */
export const titleLines = (title: string): string[] => wrapText(title, titleStyle(title), TEXT_WIDTH, MAX_TITLE_LINES);

/** Lays out a card: the title wrapped at the text width, the three blocks spread over the height as `justify-content: space-between` would. */
function layout(card: SocialCard): { title: Block; subtitle: Block } {
  const style = titleStyle(card.title);
  const lines = titleLines(card.title);
  const subtitleHeight = SUBTITLE.lineHeight;
  const gap = (BOTTOM - TOP - SITE_NAME.lineHeight - lines.length * style.lineHeight - subtitleHeight) / 2;
  return {
    title: block(style, lines, TOP + SITE_NAME.lineHeight + gap, INK),
    subtitle: block(SUBTITLE, wrapText(card.subtitle, SUBTITLE, TEXT_WIDTH, 1), BOTTOM - subtitleHeight, MUTED),
  };
}

const spareRasters: Buffer[] = [];

/** What decides a PNG's bytes besides the card's SVG: this drawing's format, the rasteriser, the fonts and zlib. */
const DRAWING = [
  'palette-card-1',
  `resvg-js ${(require('@resvg/resvg-js/package.json') as { version: string }).version}`,
  `fonts ${FONTS_HASH}`,
  `zlib ${process.versions.zlib} ${JSON.stringify(DEFLATE_OPTIONS)}`,
].join('\n');

/**
 * A 1200×630 PNG preview for social sites, drawn at build time with no external service.
 * With `cacheDir`, the PNG is kept under a hash of its drawing (the card's SVG, the site name, the fonts,
 * the rasteriser and zlib), so a rebuild draws only cards that changed, with the same bytes as a clean build.
 */
export async function socialImagePng(card: SocialCard, cacheDir?: string): Promise<Buffer> {
  const { title, subtitle } = layout(card);
  const layer = layerOf([title, subtitle]);
  const cached =
    cacheDir &&
    join(
      cacheDir,
      'social-images',
      `${createHash('sha256').update(DRAWING).update(card.siteName).update('\n').update(layer.svg).digest('hex')}.png`,
    );
  if (cached && existsSync(cached)) return readFileSync(cached);
  const fontDir = join(cacheDir ?? tmpdir(), 'social-image-fonts');
  const [rows, rendered] = await Promise.all([background(card.siteName, fontDir), renderAsync(layer.svg, RENDER_OPTIONS(fontDir))]);
  // Rasters are reused: a fresh 750 KB buffer per card makes V8 collect garbage for "external memory
  // pressure", and each collection costs more the larger the build's heap (tens of ms at 10,000 articles).
  const raster = spareRasters.pop() ?? Buffer.allocUnsafe(rows.length);
  rows.copy(raster);
  compose(raster, rendered.pixels, layer.bands);
  let image: Buffer;
  try {
    image = png(await deflate(raster, DEFLATE_OPTIONS));
  } finally {
    if (spareRasters.length < 8) spareRasters.push(raster);
  }
  if (cached) {
    mkdirSync(dirname(cached), { recursive: true });
    // Written whole, then renamed: a build that stops half-way never leaves a truncated PNG behind.
    writeFileSync(`${cached}.${process.pid}.tmp`, image);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  }
  return image;
}
