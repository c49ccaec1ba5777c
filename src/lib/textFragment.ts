/** Spans up to this many words are matched whole; longer ones by their first and last words. */
const WHOLE_UP_TO = 8;
const EDGE_WORDS = 4;

/** Percent-encodes a text directive's value: as a URI component, and `-` too, which the directive's syntax uses (`,` and `&` already are). */
function encodeDirectiveText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** One `text=` directive for a span: the span whole when short, else `start,end` (its first and last words). */
export function textDirective(span: string): string {
  const words = span.trim().split(/\s+/);
  if (words.length <= WHOLE_UP_TO) return `text=${encodeDirectiveText(words.join(' '))}`;
  return `text=${encodeDirectiveText(words.slice(0, EDGE_WORDS).join(' '))},${encodeDirectiveText(words.slice(-EDGE_WORDS).join(' '))}`;
}

/**
 * A link to the words of a quote in the original page, by the Text Fragments spec: `<url>#:~:text=…`,
 * one directive per span. A browser that supports it scrolls to the words and highlights them; others
 * open the page at its top.
 */
export function textFragmentUrl(url: string, spans: readonly string[]): string {
  const base = url.replace(/#.*$/, '');
  return `${base}#:~:${spans.map(textDirective).join('&')}`;
}
