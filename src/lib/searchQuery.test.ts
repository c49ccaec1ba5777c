import { describe, expect, it } from 'vitest';
import {
  articleResults,
  type ClaimInRecord,
  excerptPieces,
  MAX_QUERY_LENGTH,
  pagefindFilters,
  parseState,
  searchTerm,
  stateToSearch,
  wordPieces,
} from './searchQuery.ts';

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

describe('what an article’s record shows', () => {
  // An article's record: its text is words 0–9, then claim 1 (words 10–14: quote, summary, names), claim 2
  // (15–19), claim 3 (20–24).
  const claim = (number: number, kind: string, by: string[], about: string[]): ClaimInRecord => ({
    anchor: `claim-${number}`,
    number,
    kind,
    by: by[0]!,
    about: about.join(', '),
    facets: { by, about },
    start: 5 + number * 5,
    quoteWords: 2,
    summaryWords: 2,
    nameWords: 1,
  });
  const claims = [
    claim(1, 'warn', ['Veloria'], ['Kestran']),
    claim(2, 'deny', ['Ilse Marrow', 'Kestran'], ['Veloria']),
    claim(3, 'warn', ['Kestran'], ['Veloria', 'Halden Commission']),
  ];
  const shown = (locations: number[], filters: Parameters<typeof articleResults>[1]['filters'], searched = locations.length > 0) => {
    const { claims: picked, article } = articleResults(claims, { textWords: 10, locations, searched, filters });
    return { claims: picked.map((c) => c.number), article };
  };

  it('shows the claims whose quote or summary holds a matched word, and the article when its own text does', () => {
    expect(shown([12, 19], {})).toEqual({ claims: [1, 2], article: false });
    expect(shown([3, 24], {})).toEqual({ claims: [3], article: true });
    // The words only in its text: the article alone.
    expect(shown([3], {})).toEqual({ claims: [], article: true });
  });

  it('keeps only the claims that hold every facet chosen, any value of each', () => {
    expect(shown([], { kind: ['warn'] })).toEqual({ claims: [1, 3], article: false });
    expect(shown([], { by: ['Kestran'] })).toEqual({ claims: [2, 3], article: false });
    expect(shown([], { by: ['Kestran'], kind: ['warn'] })).toEqual({ claims: [3], article: false });
    expect(shown([], { about: ['Halden Commission', 'Kestran'] })).toEqual({ claims: [1, 3], article: false });
    expect(shown([11, 16], { kind: ['warn'] })).toEqual({ claims: [1], article: false });
    // The words in no claim that holds the facets (in the text, or in another claim): every claim that holds them.
    expect(shown([3], { kind: ['warn'] })).toEqual({ claims: [1, 3], article: true });
    expect(shown([16], { kind: ['warn'] })).toEqual({ claims: [1, 3], article: false });
  });

  it('finds a claim by its names too (its speaker, channel and parties, after its summary)', () => {
    expect(shown([14], {})).toEqual({ claims: [1], article: false });
    expect(shown([19], {})).toEqual({ claims: [2], article: false });
  });

  it('shows the article found by its own filters, and not by the claim facets, when no words were searched', () => {
    // The article facet is the record's own: every claim holds it, and the article is shown too.
    expect(shown([], { article: ['Anything'] })).toEqual({ claims: [1, 2, 3], article: true });
    expect(shown([], { by: ['Veloria'] })).toEqual({ claims: [1], article: false });
    // Searched, and no word matched (Pagefind would not return it): nothing but the article.
    expect(shown([], {}, true)).toEqual({ claims: [], article: true });
  });

  it('follows the type facet: claims, the article, or both', () => {
    expect(shown([12, 3], { type: ['claim'] })).toEqual({ claims: [1], article: false });
    expect(shown([12, 3], { type: ['article'] })).toEqual({ claims: [], article: true });
    expect(shown([12], { type: ['article', 'claim'] })).toEqual({ claims: [1], article: true });
    expect(shown([12], { type: ['claim', 'party'] })).toEqual({ claims: [1], article: false });
    expect(shown([12], { type: ['article'], kind: ['warn'] })).toEqual({ claims: [], article: true });
    // Claims alone, and the words only in the text: every claim (of the facets chosen), not the article.
    expect(shown([3], { type: ['claim'] })).toEqual({ claims: [1, 2, 3], article: false });
    expect(shown([3], { type: ['claim'], kind: ['deny'] })).toEqual({ claims: [2], article: false });
  });

  it('never shows nothing for a record Pagefind found: the article, when no claim is left', () => {
    // Pagefind's filters hold for the article (a claim by Ilse Marrow, a claim of kind warn); no one claim holds both.
    expect(shown([12], { by: ['Ilse Marrow'], kind: ['warn'] })).toEqual({ claims: [], article: true });
    expect(shown([], { type: ['claim'], by: ['Nobody'] })).toEqual({ claims: [], article: true });
    expect(articleResults([], { textWords: 10, locations: [], searched: false, filters: {} })).toEqual({ claims: [], article: true });
  });
});
