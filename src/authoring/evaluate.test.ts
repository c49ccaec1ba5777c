import { describe, expect, it } from 'vitest';
import type { TextSpan } from '../lib/quoteAnchors.ts';
import { evaluate, type Located } from './evaluate.ts';

const spans = (block: number, start: number, end: number): TextSpan[] => [{ block, start, end }];
const claim = (id: string, by: string, at: TextSpan[], kind: Located['kind'] = 'assert'): Located => ({ id, by, kind, spans: at });

describe('evaluate', () => {
  it('pairs the claims of one quote by their claimants ("officials and analysts say …"), in whatever order', () => {
    const quote = spans(3, 10, 90);
    const editorial = [claim('officials-say', 'officials', quote), claim('analysts-say', 'analysts', quote)];
    const suggestions = [claim('officials-x', 'officials', quote), claim('analysts-x', 'analysts', quote)];
    for (const suggested of [suggestions, [...suggestions].reverse()]) {
      const score = evaluate(editorial, suggested);
      expect(score.matched).toBe(2);
      expect(score.sameBy).toBe(2);
      expect(score.pairs).toEqual([
        { editorial: 'officials-say', suggested: 'officials-x', overlap: 1 },
        { editorial: 'analysts-say', suggested: 'analysts-x', overlap: 1 },
      ]);
    }
  });

  it('then by their kinds, and still takes the better overlap first whoever the claimant', () => {
    const quote = spans(0, 0, 100);
    const editorial = [claim('warns', 'a', quote, 'warn'), claim('asserts', 'a', quote, 'assert')];
    for (const suggested of [
      [claim('s-warn', 'a', quote, 'warn'), claim('s-assert', 'a', quote, 'assert')],
      [claim('s-assert', 'a', quote, 'assert'), claim('s-warn', 'a', quote, 'warn')],
    ])
      expect(evaluate(editorial, suggested).sameKind).toBe(2);
    // A suggestion overlapping one claim wholly and another by 60 % goes to the first, though only the second has its claimant.
    const near = evaluate([claim('whole', 'x', quote), claim('part', 'y', spans(0, 40, 140))], [claim('s', 'y', quote)]);
    expect(near.pairs).toEqual([{ editorial: 'whole', suggested: 's', overlap: 1 }]);
  });

  it('counts what matched no suggestion as missed and what matched no claim as extra', () => {
    const score = evaluate([claim('e', 'a', spans(0, 0, 50))], [claim('s', 'a', spans(1, 0, 50))]);
    expect(score).toMatchObject({ matched: 0, missed: ['e'], extra: ['s'] });
  });
});
