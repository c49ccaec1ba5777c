/** A claim's quote within one run of text: [start, end) offsets into that run. */
export interface QuoteSpan {
  claimId: string;
  start: number;
  end: number;
  /** False when this is not where the whole quote starts, so it carries no anchor (default true). */
  first?: boolean;
  /** False when the span goes on in a later run of text (default true). */
  last?: boolean;
  /** False when the span began in an earlier run of text (default true). */
  opens?: boolean;
}

/** One mark element: part (or all) of one claim's quote, with any quotes nested inside it. */
export interface MarkNode {
  type: 'mark';
  claimId: string;
  /** Offsets of this piece in the text. */
  start: number;
  end: number;
  /** The piece where the quote starts: it carries the `quote-<id>` anchor. */
  first: boolean;
  /** The piece where a span of the quote ends: it carries the link back to the claim. */
  last: boolean;
  /** The piece where a span of the quote begins. */
  opens: boolean;
  children: MarkTree;
}

export interface TextNode {
  type: 'text';
  value: string;
}

export type MarkTree = Array<MarkNode | TextNode>;

interface Piece extends Required<QuoteSpan> {
  order: number;
}

/** Reading order: earlier start first; of two starting together, the longer one encloses the shorter. */
function comparePieces(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end || a.order - b.order;
}

/**
 * Turns possibly overlapping quote spans over `text` into properly nested marks.
 * A quote that overlaps another without enclosing it is split in two at the other's end;
 * both pieces keep its claim id, and only the first carries the anchor.
 */
export function nestQuoteSpans(text: string, spans: readonly QuoteSpan[]): MarkTree {
  const queue: Piece[] = spans
    .filter((span) => span.start < span.end)
    .map((span, order) => ({ first: true, last: true, opens: true, ...span, order }))
    .sort(comparePieces);

  const root: MarkNode[] = [];
  const open: MarkNode[] = [];

  while (queue.length > 0) {
    const piece = queue.shift()!;
    while (open.length > 0 && open.at(-1)!.end <= piece.start) open.pop();
    const enclosing = open.at(-1);
    if (enclosing && enclosing.end < piece.end) {
      const rest: Piece = { ...piece, start: enclosing.end, first: false, opens: false };
      piece.end = enclosing.end;
      piece.last = false;
      const at = queue.findIndex((other) => comparePieces(rest, other) < 0);
      queue.splice(at === -1 ? queue.length : at, 0, rest);
    }
    const { claimId, start, end, first, last, opens } = piece;
    const node: MarkNode = { type: 'mark', claimId, start, end, first, last, opens, children: [] };
    (enclosing ? enclosing.children : root).push(node);
    open.push(node);
  }

  return withText(text, 0, text.length, root);
}

/** Interleaves the text between marks, recursively, so the tree reads as the whole text. */
function withText(text: string, from: number, to: number, marks: readonly MarkNode[]): MarkTree {
  const out: MarkTree = [];
  let cursor = from;
  for (const mark of marks) {
    if (mark.start > cursor) out.push({ type: 'text', value: text.slice(cursor, mark.start) });
    const inner = mark.children.filter((child): child is MarkNode => child.type === 'mark');
    out.push({ ...mark, children: withText(text, mark.start, mark.end, inner) });
    cursor = mark.end;
  }
  if (to > cursor) out.push({ type: 'text', value: text.slice(cursor, to) });
  return out;
}
