/**
 * What the search page and the index agree on, and the page's pure logic: the facets, the query in the
 * address (`/search/?q=…&by=…`), and how Pagefind's highlighted text becomes safe pieces of text. It runs
 * in the browser (src/scripts/search.ts), so it imports nothing.
 */

/**
 * The kinds of result the page shows, as the `type` filter names them. A claim is shown within its article's
 * record (an article with claims has both `article` and `claim` as its type).
 */
export const RESULT_TYPES = ['claim', 'article', 'party'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];
/** The kinds of record in the index, as their `type` meta names them. */
export type RecordType = Exclude<ResultType, 'claim'>;

/**
 * The facets, in the order the search page shows them. Their keys are the `filters` of each record
 * and the query parameters of `/search/` (`?q=…&by=Pakistan&kind=accuse`).
 */
export const FACETS = [
  { key: 'type', label: 'Result type' },
  { key: 'by', label: 'Claim by' },
  { key: 'about', label: 'Claim about' },
  { key: 'kind', label: 'Kind of claim' },
  { key: 'article', label: 'Article' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];
const FACET_KEYS = new Set<string>(FACETS.map((facet) => facet.key));

/**
 * A claim in its article's record (`articleRecord` in searchRecords.ts), as the page reads it from the record's
 * `claimList` meta: what its result shows, the values it holds of the `by` and `about` facets, and where its
 * words are in the record's content (from `start`, its quote's `quoteWords`, its summary's `summaryWords`, then
 * the `nameWords` of its speaker, channel and parties).
 */
export interface ClaimInRecord {
  /** The claim card's id on the article page (`#claim-…`). */
  anchor: string;
  number: number;
  kind: string;
  by: string;
  through?: string;
  speaker?: string;
  about: string;
  /** Its facet values (the labels the record's filters use): claimant and party spoken for; parties claimed about. */
  facets: { by: string[]; about: string[] };
  start: number;
  quoteWords: number;
  summaryWords: number;
  nameWords: number;
}

/** The words Pagefind counts as one position in a record (its `word_separators`), so that `locations` map onto them. */
export const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/** A longer query is cut here (and the page says so): Pagefind looks up every word, and no quote is this long. */
export const MAX_QUERY_LENGTH = 200;

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
}

/** The search in an address's query string: `q`, and each facet's values (repeated parameters); anything else is ignored. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    if (!FACET_KEYS.has(key) || value === '') continue;
    const values = (filters[key as FacetKey] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return { q: params.get('q') ?? '', filters };
}

/** The query string for a search (`?q=…&by=…`), in facet order; empty for no search. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q);
  for (const { key } of FACETS) for (const value of state.filters[key] ?? []) params.append(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The query Pagefind is given: spaces collapsed, cut at MAX_QUERY_LENGTH (not inside a surrogate pair). */
export function searchTerm(q: string): { term: string; cut: boolean } {
  const collapsed = q.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= MAX_QUERY_LENGTH) return { term: collapsed, cut: false };
  return { term: Array.from(collapsed).slice(0, MAX_QUERY_LENGTH).join('').trim(), cut: true };
}

/** Pagefind's filter option: values of one facet are alternatives (any), facets narrow each other (all). */
export function pagefindFilters(filters: SearchState['filters']): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const { key } of FACETS) if (filters[key]?.length) out[key] = { any: [...filters[key]] };
  return out;
}

export interface TextPiece {
  text: string;
  mark: boolean;
}

/**
 * Pagefind's excerpt (its text with `<`, `>` escaped and the matching words wrapped in `<mark>`) as plain
 * pieces of text, marked or not, for the page to build with text nodes: nothing in it is ever parsed as HTML.
 */
export function excerptPieces(excerpt: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let mark = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part !== '') pieces.push({ text: part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), mark });
  }
  return merge(pieces);
}

/**
 * Words `from` to `from + count` of a record's content, with the words Pagefind matched marked: a claim's quote
 * or summary, placed in its article's record (`ClaimInRecord`); `locations` are the matched word positions in
 * the whole content.
 */
export function wordPieces(content: string, from: number, count: number, locations: readonly number[]): TextPiece[] {
  const words = content.split(WORD_SEPARATORS).slice(from, from + count);
  const matched = new Set(locations.map((location) => location - from));
  const pieces: TextPiece[] = [];
  words.forEach((word, i) => {
    if (i > 0) pieces.push({ text: ' ', mark: matched.has(i - 1) && matched.has(i) });
    pieces.push({ text: word, mark: matched.has(i) });
  });
  return merge(pieces);
}

/**
 * What an article's record shows as results. Its claims that hold every facet chosen (`by`, `about`, `kind`; any
 * value of each) and, when words were searched, a matched word; if none holds a matched word but a claim facet
 * or the claims alone (`type=claim`) were chosen, every claim that holds the facets (the words are elsewhere in
 * the article: its warnings, say, in an article that names the dam searched for). Then the article itself when
 * the `type` facet asks for articles, when no `type` is chosen and the words matched its own text (or, without
 * words, no claim facet narrows it: it is found by its own filters, `article=…`), or when no claim is shown
 * (Pagefind found the record: it is never dropped). The record's own filters already hold for all of them.
 */
export function articleResults(
  claims: readonly ClaimInRecord[],
  {
    textWords,
    locations,
    searched,
    filters,
  }: { textWords: number; locations: readonly number[]; searched: boolean; filters: SearchState['filters'] },
): { claims: ClaimInRecord[]; article: boolean } {
  const hit = (from: number, to: number) => locations.some((location) => location >= from && location < to);
  const anyOf = (chosen: readonly string[] | undefined, values: readonly string[]) =>
    !chosen?.length || chosen.some((value) => values.includes(value));
  const types = filters.type ?? [];
  const faceted =
    types.length === 0 || types.includes('claim')
      ? claims.filter(
          (claim) => anyOf(filters.by, claim.facets.by) && anyOf(filters.about, claim.facets.about) && anyOf(filters.kind, [claim.kind]),
        )
      : [];
  const matched = searched
    ? faceted.filter((claim) => hit(claim.start, claim.start + claim.quoteWords + claim.summaryWords + claim.nameWords))
    : faceted;
  const claimFacetChosen = [filters.by, filters.about, filters.kind].some((values) => values?.length);
  const claimsOnly = types.includes('claim') && !types.includes('article');
  const shown = matched.length === 0 && (claimFacetChosen || claimsOnly) ? faceted : matched;
  const article =
    types.includes('article') || shown.length === 0 || (types.length === 0 && (searched ? hit(0, textWords) : !claimFacetChosen));
  return { claims: shown, article };
}

/** Joins neighbouring pieces that are both marked or both not. */
function merge(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last && last.mark === piece.mark) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}
