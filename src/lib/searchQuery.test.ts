import { describe, expect, it } from 'vitest';
import { excerptPieces, MAX_QUERY_LENGTH, pagefindFilters, parseState, searchTerm, stateToSearch, wordPieces } from './searchQuery.ts';

describe('the search in the address', () => {
  it('reads q and each facet’s values, ignoring other parameters, empty values and repeats', () => {
    expect(parseState('?q=baseless+allegations&by=Pakistan&by=Taliban%20administration&kind=reject&kind=reject&about=&utm=x')).toEqual({
      q: 'baseless allegations',
      filters: { by: ['Pakistan', 'Taliban administration'], kind: ['reject'] },
    });
    expect(parseState('')).toEqual({ q: '', filters: {} });
  });

  it('writes q then the facets in their order, and nothing for no search', () => {
    expect(stateToSearch({ q: 'dam & gates', filters: { kind: ['warn'], by: ['Veloria', 'Ilse Marrow'] } })).toBe(
      '?q=dam+%26+gates&by=Veloria&by=Ilse+Marrow&kind=warn',
    );
    expect(stateToSearch({ q: '  ', filters: {} })).toBe('');
    for (const state of [
      { q: '<script>alert(1)</script>', filters: { article: ['A “title”, with commas'] } },
      { q: 'مرحبا 👋🏽', filters: {} },
    ]) {
      expect(parseState(stateToSearch(state))).toEqual(state);
    }
  });

  it('gives Pagefind any of a facet’s values, and every facet', () => {
    expect(pagefindFilters({ by: ['A', 'B'], kind: [], type: ['claim'] })).toEqual({ type: { any: ['claim'] }, by: { any: ['A', 'B'] } });
  });

  it('collapses spaces and cuts a long query, never inside an emoji', () => {
    expect(searchTerm('  two \n words ')).toEqual({ term: 'two words', cut: false });
    const long = searchTerm('word '.repeat(400));
    expect(long.cut).toBe(true);
    expect(long.term.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const emoji = searchTerm('👋'.repeat(300));
    expect(Array.from(emoji.term).every((char) => char === '👋')).toBe(true);
  });
});

describe('highlighted text as pieces', () => {
  it('turns Pagefind’s excerpt into text pieces, marked or not, with its escaped brackets as text', () => {
    expect(excerptPieces('we <mark>reject</mark> these &lt;b&gt;baseless&lt;/b&gt; <mark>allegations</mark>')).toEqual([
      { text: 'we ', mark: false },
      { text: 'reject', mark: true },
      { text: ' these <b>baseless</b> ', mark: false },
      { text: 'allegations', mark: true },
    ]);
  });

  it('marks the matched words of a quote and of a summary by their positions in the record', () => {
    const content = 'We reject these baseless allegations\nPakistan rejects the allegations.\nPakistan';
    expect(wordPieces(content, 0, 5, [1, 4, 8])).toEqual([
      { text: 'We ', mark: false },
      { text: 'reject', mark: true },
      { text: ' these baseless ', mark: false },
      { text: 'allegations', mark: true },
    ]);
    expect(wordPieces(content, 5, 4, [1, 7, 8])).toEqual([
      { text: 'Pakistan rejects ', mark: false },
      { text: 'the allegations.', mark: true },
    ]);
  });
});
