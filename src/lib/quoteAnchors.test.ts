import { describe, expect, it } from 'vitest';
import { findBlockCrossing, findNearMatch, findOccurrences, locateQuote } from './quoteAnchors.ts';

const blocks = ['Pakistan’s concerns are security-driven.', 'Officials say the concerns — repeated — are real.'];

describe('locateQuote', () => {
  it('finds a verbatim quote with its block and offsets', () => {
    expect(locateQuote(blocks, ['concerns are security'])).toEqual({
      status: 'found',
      spans: [{ block: 0, start: 11, end: 32 }],
      occurrences: 1,
    });
  });

  it('calls a quote that occurs twice ambiguous, and lists where', () => {
    const location = locateQuote(blocks, ['concerns']);
    expect(location.status).toBe('ambiguous');
    expect(location).toMatchObject({ occurrences: 2, firstSpans: [{ block: 0 }, { block: 1 }] });
  });

  it('picks the occurrence asked for, in reading order', () => {
    expect(locateQuote(blocks, ['concerns'], 2)).toMatchObject({ status: 'found', spans: [{ block: 1, start: 18 }] });
    expect(locateQuote(blocks, ['concerns'], 3)).toEqual({ status: 'occurrence-out-of-range', occurrences: 2 });
  });

  it('does not match one string across blocks, and says where to cut it', () => {
    expect(locateQuote(blocks, ['security-driven. Officials say'])).toEqual({
      status: 'missing',
      span: 0,
      crossing: { block: 0, parts: ['security-driven.', 'Officials say'] },
    });
  });

  it('matches any run of whitespace in the quote to any run in the text', () => {
    const text = ['The minister said\nthe gates  were closed.'];
    expect(locateQuote(text, ['said the gates were'])).toEqual({
      status: 'found',
      spans: [{ block: 0, start: 13, end: 33 }],
      occurrences: 1,
    });
  });

  it('finds a list of spans in one block, leaving out the words between', () => {
    const text = ['Veloria allegedly diverted the river, officials said.'];
    expect(locateQuote(text, ['Veloria', 'diverted the river'])).toEqual({
      status: 'found',
      spans: [
        { block: 0, start: 0, end: 7 },
        { block: 0, start: 18, end: 36 },
      ],
      occurrences: 1,
    });
  });

  it('finds a list of spans over consecutive blocks', () => {
    const text = ['“We will not yield,” she said. “Not today,', 'and not tomorrow.”', 'A third block.'];
    expect(locateQuote(text, ['“Not today,', 'and not tomorrow.”'])).toMatchObject({
      status: 'found',
      spans: [{ block: 0 }, { block: 1, start: 0 }],
    });
  });

  it('refuses spans out of reading order, or with a block between them', () => {
    const text = ['First words.', 'Middle.', 'Last words.'];
    expect(locateQuote(text, ['Middle.', 'First words.'])).toEqual({ status: 'out-of-order', span: 1 });
    expect(locateQuote(text, ['First words.', 'Last words.'])).toEqual({ status: 'out-of-order', span: 1 });
  });

  it('names the span that is not in the text', () => {
    expect(locateQuote(blocks, ['concerns are', 'nowhere at all'])).toEqual({ status: 'missing', span: 1 });
  });

  it('counts a list of spans as ambiguous when it fits in two places, and picks one by occurrence', () => {
    const text = ['He said no, then yes.', 'She said no, then yes.'];
    expect(locateQuote(text, ['said no,', 'yes.'])).toMatchObject({ status: 'ambiguous', occurrences: 2 });
    expect(locateQuote(text, ['said no,', 'yes.'], 2)).toMatchObject({ status: 'found', spans: [{ block: 1 }, { block: 1 }] });
  });
});

describe('findBlockCrossing', () => {
  it('finds nothing for a quote inside one block', () => {
    expect(findBlockCrossing(blocks, 'concerns are')).toBeUndefined();
  });
});

describe('findNearMatch', () => {
  it('finds the curly-apostrophe text behind a straight-apostrophe quote', () => {
    expect(findNearMatch(blocks, "Pakistan's concerns")).toEqual({ block: 0, start: 0, end: 19, text: 'Pakistan’s concerns' });
  });

  it('ignores the dash, its spacing and case', () => {
    expect(findNearMatch(blocks, 'CONCERNS - repeated-are')?.text).toBe('concerns — repeated — are');
  });

  it('finds nothing for words the text does not have', () => {
    expect(findNearMatch(blocks, 'interference')).toBeUndefined();
  });
});

describe('findOccurrences', () => {
  it('counts overlapping occurrences', () => {
    expect(findOccurrences(['aaa'], 'aa')).toHaveLength(2);
  });

  it('escapes characters a pattern would read as syntax', () => {
    expect(findOccurrences(['cost (in $) is 3.5 [est.]'], '(in $) is 3.5 [est.]')).toEqual([{ block: 0, start: 5, end: 25 }]);
  });
});

describe('findOccurrences against a regular expression', () => {
  /** The definition: the span's words joined by `\s+`, every match from every position. */
  function byPattern(blocks: readonly string[], span: string) {
    const words = span
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(words.join('\\s+'), 'g');
    return blocks.flatMap((text, block) => {
      const found = [];
      for (let at = 0; at <= text.length;) {
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        if (!match) break;
        found.push({ block, start: match.index, end: match.index + match[0].length });
        at = match.index + 1;
      }
      return found;
    });
  }

  it('finds the same places in random texts with every kind of whitespace, repeats and overlaps', () => {
    // A small alphabet so that words repeat and overlap; whitespace of several kinds, and regex metacharacters.
    const alphabet = ['a', 'b', 'ab', '.', '(', ' ', ' ', '\n', '\u00a0', '\t', '“', 'é'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const text = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const blocks = [text(30), text(20)];
      const source = blocks[random(2)]!;
      const from = random(source.length);
      const span = round % 4 === 0 ? text(4) : source.slice(from, from + 1 + random(10));
      if (span.trim() === '') continue;
      expect(findOccurrences(blocks, span), JSON.stringify({ blocks, span })).toEqual(byPattern(blocks, span));
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
