import { describe, expect, it } from 'vitest';
import { findNearMatch, findOccurrences, locateQuote } from './quoteAnchors.ts';

const paragraphs = ['Pakistan’s concerns are security-driven.', 'Officials say the concerns — repeated — are real.'];

describe('locateQuote', () => {
  it('finds a verbatim quote with its paragraph and offsets', () => {
    expect(locateQuote(paragraphs, 'concerns are security')).toEqual({
      status: 'found',
      anchor: { paragraph: 0, start: 11, end: 32 },
      occurrences: 1,
    });
  });

  it('calls a quote that occurs twice ambiguous, and lists where', () => {
    const location = locateQuote(paragraphs, 'concerns');
    expect(location.status).toBe('ambiguous');
    expect(location).toMatchObject({ occurrences: 2, anchors: [{ paragraph: 0 }, { paragraph: 1 }] });
  });

  it('picks the occurrence asked for, in reading order', () => {
    expect(locateQuote(paragraphs, 'concerns', 2)).toMatchObject({ status: 'found', anchor: { paragraph: 1, start: 18 } });
    expect(locateQuote(paragraphs, 'concerns', 3)).toEqual({ status: 'occurrence-out-of-range', occurrences: 2 });
  });

  it('does not match across paragraphs', () => {
    expect(locateQuote(paragraphs, 'security-driven. Officials').status).toBe('missing');
  });
});

describe('findNearMatch', () => {
  it('finds the curly-apostrophe text behind a straight-apostrophe quote', () => {
    expect(findNearMatch(paragraphs, "Pakistan's concerns")).toEqual({ paragraph: 0, start: 0, end: 19, text: 'Pakistan’s concerns' });
  });

  it('ignores the dash, its spacing and case', () => {
    expect(findNearMatch(paragraphs, 'CONCERNS - repeated-are')?.text).toBe('concerns — repeated — are');
  });

  it('finds nothing for words the text does not have', () => {
    expect(findNearMatch(paragraphs, 'interference')).toBeUndefined();
  });
});

describe('findOccurrences', () => {
  it('counts overlapping occurrences', () => {
    expect(findOccurrences(['aaa'], 'aa')).toHaveLength(2);
  });
});
