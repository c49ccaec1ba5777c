/** Where a claim's quote sits in the article: paragraph index (from 0) and character offsets within it. */
export interface QuoteAnchor {
  paragraph: number;
  start: number;
  end: number;
}

export type QuoteLocation =
  | { status: 'found'; anchor: QuoteAnchor; occurrences: number }
  | { status: 'missing'; nearMatch?: QuoteAnchor & { text: string } }
  | { status: 'ambiguous'; occurrences: number; anchors: QuoteAnchor[] }
  | { status: 'occurrence-out-of-range'; occurrences: number };

/** Every place `quote` occurs verbatim, paragraph by paragraph, in reading order. */
export function findOccurrences(paragraphs: readonly string[], quote: string): QuoteAnchor[] {
  const found: QuoteAnchor[] = [];
  if (quote.length === 0) return found;
  paragraphs.forEach((text, paragraph) => {
    for (let start = text.indexOf(quote); start !== -1; start = text.indexOf(quote, start + 1)) {
      found.push({ paragraph, start, end: start + quote.length });
    }
  });
  return found;
}

/**
 * Finds the quote of a claim. `occurrence` (from 1) picks one of several verbatim matches;
 * without it a quote that occurs more than once is ambiguous.
 */
export function locateQuote(
  paragraphs: readonly string[],
  quote: string,
  occurrence?: number,
): QuoteLocation {
  const anchors = findOccurrences(paragraphs, quote);
  if (anchors.length === 0) {
    const nearMatch = findNearMatch(paragraphs, quote);
    return nearMatch ? { status: 'missing', nearMatch } : { status: 'missing' };
  }
  if (occurrence !== undefined) {
    const anchor = anchors[occurrence - 1];
    return anchor
      ? { status: 'found', anchor, occurrences: anchors.length }
      : { status: 'occurrence-out-of-range', occurrences: anchors.length };
  }
  if (anchors.length > 1) return { status: 'ambiguous', occurrences: anchors.length, anchors };
  return { status: 'found', anchor: anchors[0]!, occurrences: 1 };
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
 * what an editor most likely meant when a quote is not found verbatim.
 */
export function findNearMatch(
  paragraphs: readonly string[],
  quote: string,
): (QuoteAnchor & { text: string }) | undefined {
  const needle = fold(quote.trim()).folded.replace(/ ?([-'"]) ?/g, '$1');
  if (needle.length === 0) return undefined;
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const text = paragraphs[paragraph]!;
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
      return { paragraph, start, end, text: text.slice(start, end) };
    }
  }
  return undefined;
}
