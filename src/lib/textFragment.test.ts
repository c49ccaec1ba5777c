import { describe, expect, it } from 'vitest';
import { textDirective, textFragmentUrl } from './textFragment.ts';

describe('textDirective', () => {
  it('keeps a short span whole, with spaces and curly quotes percent-encoded', () => {
    expect(textDirective('“a campaign, not a complaint”')).toBe('text=%E2%80%9Ca%20campaign%2C%20not%20a%20complaint%E2%80%9D');
  });

  it('encodes the characters the directive uses as syntax: dash, comma and ampersand', () => {
    expect(textDirective('cross-border raids & strikes, again')).toBe('text=cross%2Dborder%20raids%20%26%20strikes%2C%20again');
  });

  it('matches a long span by its first and last four words, whitespace collapsed', () => {
    expect(textDirective('the closure of three gates at the Halden Dam was forced on it by structural\ndamage')).toBe(
      'text=the%20closure%20of%20three,it%20by%20structural%20damage',
    );
  });

  it('keeps an en or em dash and an apostrophe readable to the decoder', () => {
    const directive = textDirective('Afghanistan’s role — “not unique”');
    expect(decodeURIComponent(directive.slice('text='.length))).toBe('Afghanistan’s role — “not unique”');
  });
});

describe('textFragmentUrl', () => {
  it('joins one directive per span, after the source URL without its own fragment', () => {
    expect(textFragmentUrl('https://news.example/a?id=1#top', ['Veloria', 'diverted the river'])).toBe(
      'https://news.example/a?id=1#:~:text=Veloria&text=diverted%20the%20river',
    );
  });
});
