import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { constants as zlibConstants, crc32, deflate as deflateCallback } from 'node:zlib';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import tokensCss from '../styles/tokens.css?raw';
import { type Face, cardFaces, faceChain, faceFile } from './socialImageFonts.ts';
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
 * - the static part (paper, rule, site name) is drawn once per process, and so is each word of a
 *   left-to-right face: a card rasterises only the words no card before it drew, each alone, kerned as
 *   resvg sets it in the line, and places the coverage of the others (titles share most of their words, and
 *   every subtitle says "claims by … parties"); the rest of its text (right-to-left runs, emoji) is
 *   rasterised as rows of its blocks, packed one above the other, on the thread pool, loading only the
 *   faces it uses;
 * - the card is an 8-bit palette PNG (paper, rule and 127 shades of each ink, from the site's colour
 *   tokens), encoded here with zlib's asynchronous deflate, also on the thread pool: the main thread only
 *   wraps, copies and maps bytes.
 */

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

/** A run of a block placed on the card: its left edge `x`, its baseline `y` (before any shift) and the text resvg draws. */
interface PlacedRun {
  run: Run;
  rtl: boolean;
  x: number;
  y: number;
  width: number;
}

/** A block's runs, line by line, placed side by side in visual order by the measured widths. */
function placedRuns(b: Block): PlacedRun[] {
  const { lineHeight } = b.style;
  const baseline = baselineOf(b.style);
  return b.lines.flatMap((runs, i) => {
    const y = b.top + i * lineHeight + baseline;
    let x = b.rightToLeft ? LEFT + TEXT_WIDTH - runsWidth(runs, b.style) : LEFT;
    return visualOrder(runs, b.rightToLeft).map(({ run, rtl }) => {
      const width = runWidth(run, b.style);
      const placed = { run, rtl, x, y, width };
      x += width;
      return placed;
    });
  });
}

/** A `<text>` element drawing a placed run (with `shift` added to its y; black: only the coverage is used). */
function runSvg({ run, rtl, x, y, width }: PlacedRun, style: TextStyle, shift: number): string {
  const { chain, size, letterSpacing } = style;
  const text = rtl && run.face.kind !== 'rtl' ? rightToLeftNeutrals(run.text) : run.text;
  const anchor = rtl ? `${num(x + width)}" text-anchor="end` : num(x);
  return `<text x="${anchor}" y="${num(y + shift)}" font-family="${run.face.family}" font-weight="${chain[0]!.weight}" font-size="${size}"${letterSpacing ? ` letter-spacing="${letterSpacing}"` : ''} xml:space="preserve">${escapeXml(text)}</text>`;
}

/**
 * The `<text>` elements of a block, one per run of one face (with `shift` added to every y). One face per
 * `<text>`: resvg 2.6 drops a whole text whose spans' faces shape it into different numbers of glyphs (a ligature).
 */
function blockSvg(b: Block, shift: number): string {
  return placedRuns(b)
    .map((placed) => runSvg(placed, b.style, shift))
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
function layerOf(
  blocks: Block[],
  svgOf: (b: Block, shift: number) => string = blockSvg,
): {
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
    body += svgOf(b, height - from);
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

// ---------------------------------------------------------------- words drawn once

/**
 * A word of a left-to-right face drawn once per process: its coverage (as shades of an ink) cropped to its ink,
 * and where that lies from the pen position on the baseline. Titles share most of their words ("the", a country's
 * name, "says"), so a card rasterises only the words no card before it drew, each alone at the same pen
 * position (the same coverage whichever card draws it first); within a word resvg shapes and kerns as before.
 */
interface WordTile {
  /** The word's advance as resvg shapes it (kerned), in pixels: where the pen is after it. */
  advance: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Shades (0 to SHADES) of the ink, row by row. */
  shades: Uint8Array;
}

/** A text's advance in a face's units (its characters' advance widths added up: no kerning). */
const advanceUnits = (face: Face, text: string) => {
  let units = 0;
  for (const char of text) units += face.advances.get(char.codePointAt(0)!) ?? 0;
  return units;
};

/** Coverage kept for words, least recently used dropped first past this many bytes. */
const WORD_TILE_BYTES = 24 * 1024 * 1024;
const wordTiles = new Map<string, WordTile>();
let wordTileBytes = 0;
/** Words drawn and words taken from `wordTiles` since the process started (for the benchmark and the tests). */
export const wordTileCounts = { drawn: 0, reused: 0 };

/** A word's coverage: from `wordTiles`, or drawn by resvg alone on a canvas of its own, cropped to its ink. */
function wordTile(face: Face, style: TextStyle, word: string, fontDir: string): WordTile {
  const key = `${face.family}\u0000${style.chain[0]!.weight}\u0000${style.size}\u0000${style.letterSpacing}\u0000${word}`;
  const kept = wordTiles.get(key);
  if (kept) {
    wordTileCounts.reused++;
    wordTiles.delete(key);
    wordTiles.set(key, kept);
    return kept;
  }
  wordTileCounts.drawn++;
  const above = Math.ceil((face.yMax / face.unitsPerEm) * style.size) + 1;
  const below = Math.ceil((-face.yMin / face.unitsPerEm) * style.size) + 1;
  const reference = referenceRight(face, style, fontDir);
  const unkerned = (advanceUnits(face, word) / face.unitsPerEm) * style.size + style.letterSpacing * Array.from(word).length;
  const width = Math.ceil(unkerned + reference.right) + 2 * MARGIN;
  const height = above + below;
  // The word then " H": where H's ink ends, less where it ends after a pen at 0, is the pen after the word, as
  // resvg shapes it (kerned: the sum of its advance widths would leave a wider gap after "WAVE" than the line had).
  const resvg = new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${textSvg(face, style, `${word} H`, MARGIN, above)}</svg>`,
    renderOptions([face], fontDir),
  );
  const box = resvg.getBBox();
  const advance = box ? box.x + box.width - MARGIN - reference.right : unkerned;
  const tile = cropped(resvg.render().pixels, width, height, MARGIN, above, advance, Math.round(MARGIN + advance + reference.space / 2));
  wordTileBytes += tile.shades.length;
  for (const [oldest, kept] of wordTiles) {
    if (wordTileBytes <= WORD_TILE_BYTES) break;
    wordTiles.delete(oldest);
    wordTileBytes -= kept.shades.length;
  }
  wordTiles.set(key, tile);
  return tile;
}

/** A `<text>` of one face at a pen position. */
const textSvg = (face: Face, style: TextStyle, text: string, x: number, y: number) =>
  runSvg({ run: { face, text, units: 0, chars: 0 }, rtl: false, x, y, width: 0 }, style, 0);

/** Where the ink of " H" ends when set at x = 0, and the space's advance, by face and style (no face kerns a space). */
const referenceRights = new Map<string, { right: number; space: number }>();
function referenceRight(face: Face, style: TextStyle, fontDir: string): { right: number; space: number } {
  const key = `${face.family}\u0000${style.chain[0]!.weight}\u0000${style.size}\u0000${style.letterSpacing}`;
  let reference = referenceRights.get(key);
  if (!reference) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">${textSvg(face, style, ' H', 0, 0)}</svg>`;
    const box = new Resvg(svg, renderOptions([face], fontDir)).getBBox();
    const space = (advanceUnits(face, ' ') / face.unitsPerEm) * style.size + style.letterSpacing;
    reference = { right: box ? box.x + box.width : 0, space };
    referenceRights.set(key, reference);
  }
  return reference;
}

/** The shades of an RGBA canvas's coverage, cropped to its ink, placed from the pen position (`penX`, `baseline`). */
function cropped(pixels: Buffer, width: number, height: number, penX: number, baseline: number, advance: number, end: number): WordTile {
  let [x0, y0, x1, y1] = [end, height, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < end; x++) {
      if (SHADE_OF[pixels[(y * width + x) * 4 + 3]!]) {
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        y1 = y + 1;
      }
    }
  }
  if (x1 <= x0) return { advance, left: 0, top: 0, width: 0, height: 0, shades: new Uint8Array(0) };
  const shades = new Uint8Array((x1 - x0) * (y1 - y0));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) shades[(y - y0) * (x1 - x0) + x - x0] = SHADE_OF[pixels[(y * width + x) * 4 + 3]!]!;
  }
  return { advance, left: x0 - penX, top: y0 - baseline, width: x1 - x0, height: y1 - y0, shades };
}

/**
 * Draws a word's shades into the card's rows in an ink, keeping the darker shade where words touch; returns the
 * rows it drew on.
 */
function composeTile(raster: Buffer, tile: WordTile, penX: number, baseline: number, ink: number): readonly [number, number] {
  const left = Math.round(penX) + tile.left;
  const top = Math.round(baseline) + tile.top;
  const [fromRow, toRow] = [Math.max(0, -top), Math.min(tile.height, HEIGHT - top)];
  const [fromColumn, toColumn] = [Math.max(0, -left), Math.min(tile.width, WIDTH - left)];
  for (let r = fromRow; r < toRow; r++) {
    const rowStart = (top + r) * ROW_BYTES + 1 + left;
    const tileRow = r * tile.width;
    for (let c = fromColumn; c < toColumn; c++) {
      const shade = tile.shades[tileRow + c]!;
      if (!shade) continue;
      const index = raster[rowStart + c]!;
      if (index <= ink || index > ink + SHADES || shade > index - ink) raster[rowStart + c] = ink + shade;
    }
  }
  return [top + fromRow, top + toRow];
}

/**
 * Draws blocks of text into the card's rows: each word of a left-to-right run from its tile, and the other runs
 * (right-to-left, emoji, neutrals set right to left) as before, in one layer of the rows of their blocks.
 */
async function drawBlocks(raster: Buffer, blocks: Block[], fontDir: string): Promise<readonly [number, number]> {
  let [from, to] = [HEIGHT, 0];
  const loose: Block[] = [];
  const looseRuns = new Map<Block, PlacedRun[]>();
  /** Each left-to-right run: where it starts, and its words' tiles and spaces' widths in order. */
  const runs: Array<{ x: number; y: number; ink: number; parts: Array<WordTile | number> }> = [];
  for (const b of blocks) {
    for (const placed of placedRuns(b)) {
      const { run } = placed;
      if (run.face.kind !== 'ltr' || placed.rtl) {
        if (!looseRuns.has(b)) loose.push(b);
        looseRuns.set(b, [...(looseRuns.get(b) ?? []), placed]);
        continue;
      }
      const { size, letterSpacing } = b.style;
      const parts = run.text
        .split(/(\s+)/)
        .filter(Boolean)
        .map((part) =>
          /^\s+$/.test(part)
            ? (advanceUnits(run.face, part) / run.face.unitsPerEm) * size + letterSpacing * part.length
            : wordTile(run.face, b.style, part, fontDir),
        );
      runs.push({ x: placed.x, y: placed.y, ink: b.ink, parts });
    }
  }
  if (loose.length) {
    const layer = layerOf(loose, (b, shift) =>
      looseRuns
        .get(b)!
        .map((placed) => runSvg(placed, b.style, shift))
        .join(''),
    );
    compose(raster, (await renderAsync(layer.svg, renderOptions(layer.faces, fontDir))).pixels, layer.bands);
    for (const band of layer.bands) [from, to] = [Math.min(from, band.cardRow), Math.max(to, band.cardRow + band.rows)];
  }
  for (const { x: start, y, ink, parts } of runs) {
    let x = start;
    for (const part of parts) {
      if (typeof part === 'number') {
        x += part;
        continue;
      }
      const [top, bottom] = composeTile(raster, part, x, y, ink);
      [from, to] = [Math.min(from, top), Math.max(to, bottom)];
      x += part.advance;
    }
  }
  return [from, to];
}

/**
 * Rasters to draw the next cards on: a fresh 750 KB buffer per card makes V8 collect garbage for "external memory
 * pressure", and each collection costs more the larger the build's heap (tens of ms at 10,000 articles). Each
 * holds a site's background but on the rows the last card drew, which the next puts back.
 */
const spareRasters: Array<{ raster: Buffer; siteName: string; drawn: readonly [number, number] }> = [];

/**
 * A 1200×630 PNG preview for social sites, drawn at build time with no external service; the same card gives
 * the same bytes. The fonts go as files into `fontDir` (resvg reads fonts from files only), once per process.
 * A rebuild draws only the cards that changed: the route returns each card's text as its `cacheKey`, and
 * Astro's incremental build restores the others (this module's code, the colours and the fonts are in its
 * hashes of the route's modules and of the lockfile).
 */
export async function socialImagePng(card: SocialCard, fontDir = join(tmpdir(), 'social-image-fonts')): Promise<Buffer> {
  const { title, subtitle } = layout(card);
  const rows = await background(card.siteName, fontDir);
  const spare = spareRasters.pop();
  const raster = spare?.raster ?? Buffer.allocUnsafe(rows.length);
  if (spare?.siteName === card.siteName)
    rows.copy(raster, spare.drawn[0] * ROW_BYTES, spare.drawn[0] * ROW_BYTES, spare.drawn[1] * ROW_BYTES);
  else rows.copy(raster);
  let drawn: readonly [number, number] = [0, HEIGHT];
  try {
    drawn = await drawBlocks(raster, [title, subtitle], fontDir);
    return png(await deflate(raster, DEFLATE_OPTIONS));
  } finally {
    if (spareRasters.length < 8) spareRasters.push({ raster, siteName: card.siteName, drawn });
  }
}

/** The SVG a card's title and subtitle are drawn from (for tests). */
export const cardSvg = (card: SocialCard): string => layerOf(Object.values(layout(card))).svg;
