import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { type Face, faceFile } from './socialImageFonts.ts';

/*
 * The social card's text: cut to a bound, split into runs of one face, measured with the face that draws
 * each run (Inter by its advance widths; Arabic and emoji words as resvg shapes them), wrapped, and put in
 * the visual order of the Unicode bidi algorithm at the level of runs.
 */

/**
 * Code points of a field the card reads at most: five lines hold fewer of any of the faces' letters, so a
 * 1 MB field costs no more than a long title (and a field cut here ends in "…").
 */
export const TEXT_LIMIT = 400;
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** The start of a field the card works with: at most `TEXT_LIMIT` code points, NFC, without characters XML cannot hold. */
export function cardText(text: string): { text: string; cut: boolean } {
  const head = text.slice(0, 2 * TEXT_LIMIT);
  const chars = Array.from(head.toWellFormed().normalize('NFC').replace(CONTROL, ''));
  return { text: chars.slice(0, TEXT_LIMIT).join(''), cut: text.length > head.length || chars.length > TEXT_LIMIT };
}

/** A run of text drawn with one face, and its advance in that face's units. */
export interface Run {
  face: Face;
  text: string;
  units: number;
  chars: number;
}

const MARK = /^\p{M}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Splits a text into runs of one face each: every character takes the first face of the chain that has it,
 * but a combining mark or a joiner stays with the run before it when that face has it (shaped with its base),
 * and so does a space (an Arabic phrase is one run); an invisible formatting character it lacks is left out.
 * Also the characters no face has.
 */
export function segment(text: string, chain: readonly Face[]): { runs: Run[]; missing: string[] } {
  const runs: Run[] = [];
  const missing: string[] = [];
  let run: Run | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const attached = MARK.test(char) || IGNORABLE.test(char);
    let face: Face | undefined;
    const spaceInRun = /\s/.test(char) && run?.face.kind !== 'emoji';
    if ((attached || spaceInRun) && run?.face.advances.has(codePoint)) face = run.face;
    else if (IGNORABLE.test(char)) continue;
    else face = chain.find((f) => f.advances.has(codePoint));
    if (!face) {
      missing.push(char);
      continue;
    }
    if (run?.face !== face) runs.push((run = { face, text: '', units: 0, chars: 0 }));
    run.text += char;
    run.units += face.advances.get(codePoint)!;
    run.chars++;
  }
  return { runs: runs.flatMap((r) => splitTrailingSpace(r, chain)), missing };
}

/**
 * A run's trailing spaces as a run of their own, which the bidi order places between its neighbours (in the
 * run's face, or the chain's first for a shaped run: measured by advances rather than shaped).
 */
function splitTrailingSpace(run: Run, chain: readonly Face[]): Run[] {
  const space = /\s+$/.exec(run.text)?.[0];
  if (!space || space === run.text) return [run];
  const face = run.face.kind === 'ltr' ? run.face : chain[0]!;
  const spaces = Array.from(space);
  const advance = (f: Face, text: string) => Array.from(text).reduce((units, c) => units + (f.advances.get(c.codePointAt(0)!) ?? 0), 0);
  const text = run.text.slice(0, -space.length);
  return [
    { face: run.face, text, units: advance(run.face, text), chars: run.chars - spaces.length },
    { face, text: space, units: advance(face, space), chars: spaces.length },
  ];
}

export interface TextStyle {
  chain: readonly Face[];
  size: number;
  /** Line height in pixels. */
  lineHeight: number;
  letterSpacing: number;
}

/** The card's faces as files, for resvg to measure and draw with: written once, in a folder of the system's temporary one. */
const MEASURE_FONT_DIR = join(tmpdir(), 'social-image-fonts');
const shapedWidths = new Map<string, number>();

/**
 * The width of a word of a face that shapes it (Arabic letters joined, an emoji sequence or flag drawn as
 * one glyph), as resvg lays it out: its ink's extent and the side bearing on each side. Measured once a
 * word per process; Inter's runs are measured by their advance widths instead.
 */
function shapedWidth(face: Face, word: string, size: number): number {
  const key = `${face.family}\u0000${face.weight}\u0000${size}\u0000${word}`;
  let width = shapedWidths.get(key);
  if (width === undefined) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text x="0" y="0" font-family="${face.family}" font-weight="${face.weight}" font-size="${size}" xml:space="preserve">${escapeXml(word)}</text></svg>`;
    const box = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [faceFile(face, MEASURE_FONT_DIR)], defaultFontFamily: face.family },
    }).getBBox();
    width = box ? box.width + 2 * Math.max(0, box.x) : 0;
    shapedWidths.set(key, width);
  }
  return width;
}

export function runWidth(run: Run, style: TextStyle): number {
  const spacing = style.letterSpacing * run.chars;
  if (run.face.kind === 'ltr') return (run.units / run.face.unitsPerEm) * style.size + spacing;
  const space = ((run.face.advances.get(0x20) ?? 0) / run.face.unitsPerEm) * style.size;
  return run.text
    .split(/(\s+)/)
    .filter(Boolean)
    .reduce(
      (width, part) => width + (/^\s+$/.test(part) ? Array.from(part).length * space : shapedWidth(run.face, part, style.size)),
      spacing,
    );
}

export const runsWidth = (runs: Run[], style: TextStyle) => runs.reduce((width, run) => width + runWidth(run, style), 0);
const textWidth = (text: string, style: TextStyle) => runsWidth(segment(text, style.chain).runs, style);

/** How many UTF-16 units of a word, at least one character, fit in `width` (each character measured in the first face that has it). */
function fittingStart(word: string, style: TextStyle, width: number): number {
  let used = 0;
  let end = 0;
  for (const char of word) {
    const face = style.chain.find((f) => f.advances.has(char.codePointAt(0)!));
    const advance = face ? (face.advances.get(char.codePointAt(0)!)! / face.unitsPerEm) * style.size + style.letterSpacing : 0;
    if (end > 0 && used + advance > width) break;
    used += advance;
    end += char.length;
  }
  return end;
}

const withoutLastChar = (text: string) => Array.from(text).slice(0, -1).join('');

/**
 * Greedy line breaking at spaces (a word wider than a line is cut); past `maxLines`, or when the text was
 * cut before it came here, the last line ends in "…".
 */
export function wrapText(text: string, style: TextStyle, width: number, maxLines: number, cut = false): string[] {
  const fits = (line: string) => textWidth(line, style) <= width;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (lines.length > maxLines) break;
    if (line && fits(`${line} ${word}`)) {
      line = `${line} ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (lines.length <= maxLines && !fits(word)) {
      const end = fittingStart(word, style, width);
      lines.push(word.slice(0, end));
      word = word.slice(end);
    }
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && !cut) return lines;
  const kept = Math.min(maxLines, lines.length);
  let last = lines[kept - 1] ?? '';
  while (last && !fits(`${last}…`)) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : withoutLastChar(last);
  return [...lines.slice(0, kept - 1), `${last}…`];
}

export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

/**
 * A line's runs in visual order, left to right, each with its direction: a run of a right-to-left face is
 * right to left, one with a Latin, Greek or Cyrillic letter left to right, and the rest (spaces, digits,
 * punctuation, emoji) take the direction of the runs on both sides when they agree, else the line's. Runs
 * of one direction stay together, reversed where it is not the line's (the Unicode bidi algorithm, at the
 * level of runs: each run is then ordered by resvg within itself).
 */
export function visualOrder(lineRuns: Run[], rightToLeft: boolean): Array<{ run: Run; rtl: boolean }> {
  const mixed = rightToLeft || lineRuns.some((run) => run.face.kind === 'rtl');
  const runs = mixed ? lineRuns.flatMap(splitNeutralEnds) : lineRuns;
  const strong = runs.map((run) =>
    run.face.kind === 'rtl' ? true : run.face.kind === 'ltr' && /\p{L}/u.test(run.text) ? false : undefined,
  );
  const resolved = strong.map((direction, i) => {
    if (direction !== undefined) return direction;
    const before = strong.slice(0, i).findLast((d) => d !== undefined) ?? rightToLeft;
    const after = strong.slice(i + 1).find((d) => d !== undefined) ?? rightToLeft;
    return before === after ? before : rightToLeft;
  });
  const groups: Array<Array<{ run: Run; rtl: boolean }>> = [];
  runs.forEach((run, i) => {
    const rtl = resolved[i]!;
    const last = groups.at(-1);
    if (last && last[0]!.rtl === rtl) last.push({ run, rtl });
    else groups.push([{ run, rtl }]);
  });
  const ordered = rightToLeft ? groups.reverse() : groups;
  return ordered.flatMap((group) => (group[0]!.rtl ? group.reverse() : group));
}

/** Punctuation and spaces set right to left as resvg draws them left to right: in reverse order (numbers kept), brackets mirrored. */
export const rightToLeftNeutrals = (text: string) =>
  (text.match(/\p{N}+(?:[.,:]\p{N}+)*|[\s\S]/gu) ?? [])
    .reverse()
    .map((token) => MIRRORED[token] ?? token)
    .join('');

/** A left-to-right run's leading and trailing punctuation and digits as runs of their own, which take their direction from both sides. */
function splitNeutralEnds(run: Run): Run[] {
  const parts = run.face.kind === 'ltr' ? /^([^\p{L}]*)(\p{L}[\s\S]*\p{L}\p{M}*|\p{L}\p{M}*)([^\p{L}]*)$/u.exec(run.text) : null;
  if (!parts) return [run];
  const advance = (text: string) => Array.from(text).reduce((units, c) => units + (run.face.advances.get(c.codePointAt(0)!) ?? 0), 0);
  return [parts[1]!, parts[2]!, parts[3]!]
    .filter(Boolean)
    .map((text) => ({ face: run.face, text, units: advance(text), chars: Array.from(text).length }));
}
