/** A run of the article text: block index (from 0) and character offsets within that block's text. */
export interface TextSpan {
  block: number;
  start: number;
  end: number;
}

export type QuoteLocation =
  | { status: 'found'; spans: TextSpan[]; occurrences: number }
  /** Span `span` (from 0) of the quote is nowhere in the text. */
  | { status: 'missing'; span: number; nearMatch?: TextSpan & { text: string }; crossing?: BlockCrossing; invisible?: InvisibleDifference }
  /** Span `span` occurs, but not after the span before it in the same or the next block. */
  | { status: 'out-of-order'; span: number }
  | { status: 'ambiguous'; occurrences: number; firstSpans: TextSpan[] }
  | { status: 'occurrence-out-of-range'; occurrences: number };

/** A quote written as one string that runs from the end of one block into the next. */
export interface BlockCrossing {
  block: number;
  /** The quote cut at the block boundary: the part in `block`, the part in `block + 1`. */
  parts: [string, string];
}

/** A character no reader sees that stands between a quote and the text: in one and not the other. */
export interface InvisibleDifference {
  /** `U+200B ZERO WIDTH SPACE` */
  character: string;
  /** Where it is: in the quote (at a character of the quote) or in the text (in a block, at a character of it). */
  in: 'quote' | 'text';
  block?: number;
  at: number;
}

/** Zero-width characters, direction marks and a soft hyphen: invisible on the page, yet they make two texts differ. */
const INVISIBLE: Record<string, string> = {
  '\u00AD': 'SOFT HYPHEN',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};
// eslint-disable-next-line no-misleading-character-class -- a class of single invisible characters, joiners among them
const INVISIBLE_CHARS = new RegExp(`[${Object.keys(INVISIBLE).join('')}]`, 'g');

function nameOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE[char]}`;
}

/** When a quote matches the text only once invisible characters are taken out of both: which character, and where. */
export function findInvisibleDifference(blocks: readonly string[], span: string): InvisibleDifference | undefined {
  const inQuote = span.search(INVISIBLE_CHARS);
  const cleanSpan = span.replace(INVISIBLE_CHARS, '');
  if (cleanSpan.trim() === '') return undefined;
  for (let block = 0; block < blocks.length; block++) {
    const text = blocks[block]!;
    // The text without its invisible characters, and where each remaining character was.
    const kept: number[] = [];
    let clean = '';
    for (let i = 0; i < text.length; i++) {
      if (INVISIBLE[text[i]!]) continue;
      clean += text[i];
      kept.push(i);
    }
    const match = firstMatch(clean, block, wordsOf(cleanSpan), 0);
    if (!match) continue;
    const from = kept[match.start]!;
    const to = kept[match.end - 1]! + 1;
    const hidden = text.slice(from, to).search(INVISIBLE_CHARS);
    if (hidden !== -1) return { character: nameOf(text[from + hidden]!), in: 'text', block, at: from + hidden + 1 };
    if (inQuote !== -1) return { character: nameOf(span[inQuote]!), in: 'quote', at: inQuote + 1 };
  }
  return undefined;
}

/** JavaScript's `\s`: the characters a run of whitespace in a quote may stand for. */
const WHITESPACE = /\s/;

/** A span's words: any run of whitespace between them matches any run of whitespace in the text. */
function wordsOf(span: string): string[] {
  return span.trim().split(/\s+/);
}

/**
 * Where `words` occur in `text` from `at`, separated by whitespace runs: the end, or -1. Matched by hand
 * rather than with a regular expression made per quote: V8 interprets a new pattern's first runs, which
 * made finding quotes the largest part of checking an article.
 */
function matchWordsAt(text: string, words: readonly string[], at: number): number {
  let end = at + words[0]!.length;
  for (let i = 1; i < words.length; i++) {
    if (!WHITESPACE.test(text.charAt(end))) return -1;
    while (WHITESPACE.test(text.charAt(end))) end++;
    if (!text.startsWith(words[i]!, end)) return -1;
    end += words[i]!.length;
  }
  return end;
}

/** The first place `words` occur in `block` at or after `from`. */
function firstMatch(text: string, block: number, words: readonly string[], from: number): TextSpan | undefined {
  for (let at = text.indexOf(words[0]!, from); at !== -1; at = text.indexOf(words[0]!, at + 1)) {
    const end = matchWordsAt(text, words, at);
    if (end !== -1) return { block, start: at, end };
  }
  return undefined;
}

/** Every place `span` occurs in `blocks`, in reading order (whitespace runs match any whitespace). */
export function findOccurrences(blocks: readonly string[], span: string): TextSpan[] {
  const found: TextSpan[] = [];
  if (span.trim().length === 0) return found;
  const words = wordsOf(span);
  blocks.forEach((text, block) => {
    for (let match = firstMatch(text, block, words, 0); match; match = firstMatch(text, block, words, match.start + 1)) {
      found.push(match);
    }
  });
  return found;
}

/** The first place `span` occurs in `block` at or after `from`. */
function findIn(blocks: readonly string[], block: number, span: string, from: number): TextSpan | undefined {
  const text = blocks[block];
  return text === undefined || span.trim().length === 0 ? undefined : firstMatch(text, block, wordsOf(span), from);
}

/** Follows the spans after `first`: each in the same block after the previous one, or in the next block. */
function chainFrom(blocks: readonly string[], spans: readonly string[], first: TextSpan): TextSpan[] | { failed: number } {
  const chain = [first];
  for (let i = 1; i < spans.length; i++) {
    const previous = chain[i - 1]!;
    const next = findIn(blocks, previous.block, spans[i]!, previous.end) ?? findIn(blocks, previous.block + 1, spans[i]!, 0);
    if (!next) return { failed: i };
    chain.push(next);
  }
  return chain;
}

/**
 * Finds a claim's quote: its spans in reading order, each verbatim, in one block or consecutive blocks.
 * `occurrence` (from 1) picks one of several places the whole quote fits; without it, several are ambiguous.
 */
export function locateQuote(blocks: readonly string[], written: readonly string[], occurrence?: number): QuoteLocation {
  const spans: string[] = [];
  for (let i = 0; i < written.length; i++) {
    const span = formInText(blocks, written[i]!);
    if (span === undefined) return missing(blocks, written[i]!, i);
    spans.push(span);
  }
  const chains: TextSpan[][] = [];
  let failed = 1;
  for (const first of findOccurrences(blocks, spans[0]!)) {
    const chain = chainFrom(blocks, spans, first);
    if (Array.isArray(chain)) chains.push(chain);
    else failed = Math.max(failed, chain.failed);
  }
  if (chains.length === 0) return { status: 'out-of-order', span: failed };
  if (occurrence !== undefined) {
    const chain = chains[occurrence - 1];
    return chain
      ? { status: 'found', spans: chain, occurrences: chains.length }
      : { status: 'occurrence-out-of-range', occurrences: chains.length };
  }
  if (chains.length > 1) return { status: 'ambiguous', occurrences: chains.length, firstSpans: chains.map((chain) => chain[0]!) };
  return { status: 'found', spans: chains[0]!, occurrences: 1 };
}

/** The span as the text has it: as written, or in the other Unicode normal form (é as one character or as e + ´). */
function formInText(blocks: readonly string[], span: string): string | undefined {
  return [span, span.normalize('NFC'), span.normalize('NFD')].find((form) => findOccurrences(blocks, form).length > 0);
}

function missing(blocks: readonly string[], span: string, index: number): QuoteLocation {
  const crossing = findBlockCrossing(blocks, span);
  if (crossing) return { status: 'missing', span: index, crossing };
  const invisible = findInvisibleDifference(blocks, span);
  if (invisible) return { status: 'missing', span: index, invisible };
  const nearMatch = findNearMatch(blocks, span);
  return nearMatch ? { status: 'missing', span: index, nearMatch } : { status: 'missing', span: index };
}

/** Whether `span` would match if the boundary between two consecutive blocks were a space: where to cut it. */
export function findBlockCrossing(blocks: readonly string[], span: string): BlockCrossing | undefined {
  if (span.trim().length === 0) return undefined;
  const words = wordsOf(span);
  for (let block = 0; block + 1 < blocks.length; block++) {
    const head = blocks[block]!;
    const joined = `${head}\n\n${blocks[block + 1]}`;
    for (let match = firstMatch(joined, block, words, 0); match; match = firstMatch(joined, block, words, match.start + 1)) {
      if (match.start < head.length && match.end > head.length + 2) {
        return { block, parts: [head.slice(match.start).trim(), joined.slice(head.length + 2, match.end).trim()] };
      }
    }
  }
  return undefined;
}

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;

/** Folds one character the way an editor's typo would blur it: quotes, dashes, case. */
function foldChar(char: string): string {
  if (APOSTROPHES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return '-';
  return char.toLowerCase();
}

/** A folded copy of `text` (quotes, dashes, case folded; runs of space collapsed) and, per folded char, its source index. */
function fold(text: string): { folded: string; sourceIndex: number[] } {
  let folded = '';
  const sourceIndex: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
    } else {
      folded += foldChar(char);
    }
    sourceIndex.push(i);
  }
  return { folded, sourceIndex };
}

/**
 * The text that the quote would match if quotes, dashes, spacing and case were ignored:
 * what an editor most likely meant when a quote is not found verbatim. Searches every block.
 */
export function findNearMatch(blocks: readonly string[], quote: string): (TextSpan & { text: string }) | undefined {
  const needle = fold(quote.trim()).folded.replace(/ ?([-'"]) ?/g, '$1');
  if (needle.length === 0) return undefined;
  for (let block = 0; block < blocks.length; block++) {
    const text = blocks[block]!;
    const { folded, sourceIndex } = fold(text);
    // Spacing around dashes and quotes is folded away too, keeping the map to the source.
    let tight = '';
    const tightIndex: number[] = [];
    for (let i = 0; i < folded.length; i++) {
      const char = folded[i]!;
      if (char === ' ' && (/[-'"]/.test(folded[i - 1] ?? '') || /[-'"]/.test(folded[i + 1] ?? ''))) continue;
      tight += char;
      tightIndex.push(sourceIndex[i]!);
    }
    const at = tight.indexOf(needle);
    if (at !== -1) {
      const start = tightIndex[at]!;
      const end = tightIndex[at + needle.length - 1]! + 1;
      return { block, start, end, text: text.slice(start, end) };
    }
  }
  return undefined;
}
