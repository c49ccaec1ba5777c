import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { constants as zlibConstants, crc32, deflate as deflateCallback } from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';
import tokensCss from '../styles/tokens.css?raw';
import { type Face, cardFaces, faceChain, faceFile, facesHash } from './socialImageFonts.ts';
import {
  type Run,
  type TextStyle,
  cardText,
  escapeXml,
  rightToLeftNeutrals,
  runWidth,
  runsWidth,
  segment,
  visualOrder,
  wrapText,
} from './socialImageText.ts';

/*
 * The social preview card: a fixed template (paper, a gold rule on the left, the site's name, the title,
 * a subtitle), drawn as cheaply as a build of thousands of articles needs:
 *
 * - no general layout engine: the title is wrapped with the widths of the faces that draw it
 *   (`socialImageText.ts`; the faces in `socialImageFonts.ts`: Inter for Latin, Greek and Cyrillic, Noto Sans
 *   Arabic, Noto Emoji), and the SVG holds one `<text>` for each run of one face, placed in bidi order, which
 *   resvg shapes (Arabic letters joined, emoji sequences) and fills; a title with a character none of the
 *   faces has is left off the card rather than drawn with missing-glyph boxes;
 * - the static part (paper, rule, site name) is drawn once per process; each card rasterises only the
 *   rows of its title and subtitle, packed one above the other, as coverage (alpha) on the thread pool,
 *   loading only the faces its text uses;
 * - the card is an 8-bit palette PNG (paper, rule and 127 shades of each ink, from the site's colour
 *   tokens), encoded here with zlib's asynchronous deflate, also on the thread pool: the main thread only
 *   wraps, copies and maps bytes.
 */

const require = createRequire(import.meta.url);

export interface SocialCard {
  title: string;
  /** e.g. "26 claims by 7 parties". */
  subtitle: string;
  siteName: string;
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
/** Rows and columns around a text's line boxes that Inter's glyphs may reach (accents, descenders, overhangs). */
const MARGIN = 12;
const LAYER_LEFT = LEFT - 16;
const LAYER_WIDTH = WIDTH - LAYER_LEFT;
/** A text whose first letter is of a right-to-left script is set right-aligned. */
const RIGHT_TO_LEFT = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

const REGULAR = faceChain(400);
const BOLD = faceChain(700);
const normalLineHeight = (font: Face, size: number) => ((font.ascender - font.descender + font.lineGap) / font.unitsPerEm) * size;
const SITE_NAME: TextStyle = { chain: BOLD, size: 30, lineHeight: normalLineHeight(BOLD[0]!, 30), letterSpacing: 2 };
const SUBTITLE: TextStyle = { chain: REGULAR, size: 32, lineHeight: normalLineHeight(REGULAR[0]!, 32), letterSpacing: 0 };
const titleStyle = (title: string): TextStyle => {
  const size = title.length > 80 ? 54 : 64;
  return { chain: BOLD, size, lineHeight: 1.15 * size, letterSpacing: 0 };
};

/** A block of text lines at `top` (CSS line boxes: the glyphs centred in each line's height). */
interface Block {
  style: TextStyle;
  /** Each line's runs of one face. */
  lines: Run[][];
  top: number;
  height: number;
  /** Palette index of the ink's first shade. */
  ink: number;
  rightToLeft: boolean;
}

const block = (style: TextStyle, lines: string[], top: number, ink: number): Block => ({
  style,
  lines: lines.map((line) => segment(line, style.chain).runs),
  top,
  height: lines.length * style.lineHeight,
  ink,
  rightToLeft: RIGHT_TO_LEFT.test(lines[0] ?? ''),
});

const num = (value: number) => String(Math.round(value * 100) / 100);

/** Where the baseline lies below a line's top, by the style's first face (Inter). */
function baselineOf(style: TextStyle): number {
  const font = style.chain[0]!;
  const glyphHeight = ((font.ascender - font.descender) / font.unitsPerEm) * style.size;
  return (style.lineHeight - glyphHeight) / 2 + (font.ascender / font.unitsPerEm) * style.size;
}

/**
 * The `<text>` elements of a block, one per run of one face, placed side by side in visual order by the
 * measured widths (with `shift` added to every y; black: only the coverage is used). One face per `<text>`:
 * resvg 2.6 drops a whole text whose spans' faces shape it into different numbers of glyphs (a ligature).
 */
function blockSvg(b: Block, shift: number): string {
  const { chain, size, lineHeight, letterSpacing } = b.style;
  const baseline = baselineOf(b.style);
  return b.lines
    .map((runs, i) => {
      const y = num(b.top + shift + i * lineHeight + baseline);
      const lineWidth = runsWidth(runs, b.style);
      let x = b.rightToLeft ? LEFT + TEXT_WIDTH - lineWidth : LEFT;
      return visualOrder(runs, b.rightToLeft)
        .map(({ run, rtl }) => {
          const width = runWidth(run, b.style);
          const text = rtl && run.face.kind !== 'rtl' ? rightToLeftNeutrals(run.text) : run.text;
          const anchor = rtl ? `${num(x + width)}" text-anchor="end` : num(x);
          x += width;
          return `<text x="${anchor}" y="${y}" font-family="${run.face.family}" font-weight="${chain[0]!.weight}" font-size="${size}"${letterSpacing ? ` letter-spacing="${letterSpacing}"` : ''} xml:space="preserve">${escapeXml(text)}</text>`;
        })
        .join('');
    })
    .join('');
}

/** The faces a block's text is drawn with. */
const facesOf = (b: Block) => new Set(b.lines.flat().map((run) => run.face));

/** Rows [from, to) of the card a block's glyphs may cover: Inter's margin, or further for a face whose glyphs reach further. */
function rowsOf(b: Block): readonly [number, number] {
  const { size, lineHeight } = b.style;
  const baseline = baselineOf(b.style);
  const others = [...facesOf(b)].filter((face) => face !== b.style.chain[0]);
  const above = Math.max(MARGIN, ...others.map((f) => Math.ceil((f.yMax / f.unitsPerEm) * size - baseline) + 1));
  const below = Math.max(MARGIN, ...others.map((f) => Math.ceil((-f.yMin / f.unitsPerEm) * size - (lineHeight - baseline)) + 1));
  return [Math.max(0, Math.floor(b.top) - above), Math.min(HEIGHT, Math.ceil(b.top + b.height) + below)];
}

/**
 * One SVG holding the given blocks' rows packed one above the other, as wide as the text area; where
 * each block's rows go in the card; and the faces it needs.
 */
function layerOf(blocks: Block[]): {
  svg: string;
  height: number;
  bands: Array<{ layerRow: number; cardRow: number; rows: number; ink: number }>;
  faces: Face[];
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
  const used = new Set(blocks.flatMap((b) => [...facesOf(b)]));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${LAYER_WIDTH}" height="${Math.max(1, height)}" viewBox="${LAYER_LEFT} 0 ${LAYER_WIDTH} ${Math.max(1, height)}">${body}</svg>`;
  return { svg, height, bands, faces: cardFaces().filter((face) => used.has(face)) };
}

// ---------------------------------------------------------------- palette and PNG

/** A colour of the site's light scheme, from its design tokens (`src/styles/tokens.css`), as [r, g, b]. */
export function colourToken(name: string, css: string = tokensCss): number[] {
  const light = css.split('@media')[0]!;
  const hex = new RegExp(`--${name}:\\s*#([0-9a-f]{6})\\s*;`, 'i').exec(light)?.[1];
  if (!hex)
    throw new Error(`src/styles/tokens.css: the social image draws with --${name}, which is not a #rrggbb colour of the light scheme`);
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
}

/** The card's colours: the page's background, text and muted text, and the rule beside a marked quote. */
export const CARD_COLOURS = {
  paper: colourToken('color-bg'),
  rule: colourToken('color-mark-rule'),
  ink: colourToken('color-text'),
  muted: colourToken('color-muted'),
};
const COLOURS = CARD_COLOURS;
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

/** resvg's options for a layer: only the faces its text uses are loaded, from files written once per folder. */
const renderOptions = (faces: Face[], dir: string) => ({
  font: { loadSystemFonts: false, fontFiles: faces.map((face) => faceFile(face, dir)), defaultFontFamily: BOLD[0]!.family },
});

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
      const layer = layerOf([block(SITE_NAME, wrapText(cardText(siteName.toUpperCase()).text, SITE_NAME, TEXT_WIDTH, 1), TOP, MUTED)]);
      compose(rows, (await renderAsync(layer.svg, renderOptions(layer.faces, fontDir))).pixels, layer.bands);
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

/** The characters of a title that none of the card's faces has (none for Latin, Greek, Cyrillic, Arabic, Urdu, emoji). */
export const missingGlyphs = (title: string): string[] => segment(cardText(title).text, BOLD).missing;

/**
 * The lines the card draws its title on: wrapped at the text width, at most five (the fifth ends in "…" if
 * cut); none when a character of it has no glyph in the card's faces (the social site shows the page's
 * `og:title` beside the card in any case).
 */
export function titleLines(title: string): string[] {
  const { text, cut } = cardText(title);
  if (segment(text, BOLD).missing.length) return [];
  return wrapText(text, titleStyle(text), TEXT_WIDTH, MAX_TITLE_LINES, cut);
}

/** Lays out a card: the title wrapped at the text width, the three blocks spread over the height as `justify-content: space-between` would. */
function layout(card: SocialCard): { title: Block; subtitle: Block } {
  const style = titleStyle(cardText(card.title).text);
  const lines = titleLines(card.title);
  const subtitleHeight = SUBTITLE.lineHeight;
  const gap = (BOTTOM - TOP - SITE_NAME.lineHeight - lines.length * style.lineHeight - subtitleHeight) / 2;
  return {
    title: block(style, lines, TOP + SITE_NAME.lineHeight + gap, INK),
    subtitle: block(
      SUBTITLE,
      wrapText(cardText(card.subtitle).text, SUBTITLE, TEXT_WIDTH, 1, cardText(card.subtitle).cut),
      BOTTOM - subtitleHeight,
      MUTED,
    ),
  };
}

const spareRasters: Buffer[] = [];

/** What decides a PNG's bytes besides the card's SVG: this drawing's format, the rasteriser, the fonts and zlib. */
const DRAWING = [
  'palette-card-2',
  `palette ${createHash('sha256').update(PALETTE).digest('hex')}`,
  `resvg-js ${(require('@resvg/resvg-js/package.json') as { version: string }).version}`,
  `fonts ${facesHash()}`,
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
  const [rows, rendered] = await Promise.all([
    background(card.siteName, fontDir),
    renderAsync(layer.svg, renderOptions(layer.faces, fontDir)),
  ]);
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

/** The SVG a card's title and subtitle are drawn from (for tests). */
export const cardSvg = (card: SocialCard): string => layerOf(Object.values(layout(card))).svg;
