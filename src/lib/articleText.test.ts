import { describe, expect, it } from 'vitest';
import { paragraphTexts, plainText } from './articleText.ts';

describe('paragraphTexts', () => {
  it('gives each top-level paragraph as the reader sees it', () => {
    const body = 'First “one” — with *emphasis*.\n\nSecond, with an escaped \\{brace\\} and a [link](https://example.org).\n';
    expect(paragraphTexts(body)).toEqual(['First “one” — with emphasis.', 'Second, with an escaped {brace} and a link.']);
  });

  it('skips headings and keeps paragraphs in order', () => {
    expect(paragraphTexts('# Title\n\nOne.\n\n## Sub\n\nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('joins paragraphs with a blank line for the plain text', () => {
    expect(plainText(['a', 'b'])).toBe('a\n\nb');
  });
});
