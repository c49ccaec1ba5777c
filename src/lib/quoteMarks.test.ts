import { describe, expect, it } from 'vitest';
import { type MarkTree, nestQuoteSpans } from './quoteMarks.ts';

/** Renders a tree as bracketed text, e.g. "a[x:b]c", so tests read at a glance. */
function show(tree: MarkTree): string {
  return tree
    .map((node) =>
      node.type === 'text' ? node.value : `[${node.first ? '' : '…'}${node.claimId}${node.last ? '' : '…'}:${show(node.children)}]`,
    )
    .join('');
}

describe('nestQuoteSpans', () => {
  const text = 'abcdefghij';

  it('leaves text without quotes as one text node', () => {
    expect(nestQuoteSpans(text, [])).toEqual([{ type: 'text', value: text }]);
  });

  it('marks disjoint quotes side by side', () => {
    const tree = nestQuoteSpans(text, [
      { claimId: 'y', start: 6, end: 8 },
      { claimId: 'x', start: 1, end: 3 },
    ]);
    expect(show(tree)).toBe('a[x:bc]def[y:gh]ij');
  });

  it('nests a quote inside the one that encloses it', () => {
    const tree = nestQuoteSpans(text, [
      { claimId: 'inner', start: 3, end: 5 },
      { claimId: 'outer', start: 1, end: 8 },
    ]);
    expect(show(tree)).toBe('a[outer:bc[inner:de]fgh]ij');
  });

  it('nests two claims that share the same quote', () => {
    const tree = nestQuoteSpans(text, [
      { claimId: 'a', start: 0, end: 4 },
      { claimId: 'b', start: 0, end: 4 },
    ]);
    expect(show(tree)).toBe('[a:[b:abcd]]efghij');
  });

  it('splits a partially overlapping quote at the end of the one it overlaps', () => {
    const tree = nestQuoteSpans(text, [
      { claimId: 'x', start: 0, end: 5 },
      { claimId: 'y', start: 3, end: 8 },
    ]);
    expect(show(tree)).toBe('[x:abc[y…:de]][…y:fgh]ij');
  });

  it('keeps every character of the text exactly once', () => {
    const tree = nestQuoteSpans(text, [
      { claimId: 'a', start: 0, end: 10 },
      { claimId: 'b', start: 2, end: 6 },
      { claimId: 'c', start: 4, end: 9 },
      { claimId: 'd', start: 5, end: 5 },
    ]);
    expect(show(tree).replace(/\[[a-z…]+:|\]/g, '')).toBe(text);
  });
});

describe('nestQuoteSpans with quotes that cross runs of text', () => {
  it('keeps the anchor and the backlink off pieces that continue elsewhere', () => {
    const tree = nestQuoteSpans('abc', [{ claimId: 'x', start: 1, end: 3, first: false }]);
    expect(show(tree)).toBe('a[…x:bc]');
  });
});
