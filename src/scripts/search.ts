// The search page's script (loaded by /search/ only). It loads Pagefind's `pagefind.js` from the built site,
// keeps the query and filters in the address, and builds every result with createElement and textContent:
// no text from the index or the query is ever parsed as HTML.
import {
  excerptPieces,
  FACETS,
  type FacetKey,
  pagefindFilters,
  parseState,
  type SearchState,
  searchTerm,
  stateToSearch,
  type TextPiece,
  wordPieces,
} from '../lib/searchQuery.ts';

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  locations: number[];
}
interface PagefindResponse {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 20;
/** Facet values shown before "Show all". */
const FACET_PREVIEW = 8;
/** How the `type` facet names its values. */
const TYPE_LABELS: Record<string, string> = { claim: 'Claims', article: 'Articles', party: 'Parties' };

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const status = form.querySelector<HTMLElement>('#search-status')!;
const list = form.querySelector<HTMLOListElement>('#search-results')!;
const more = form.querySelector<HTMLButtonElement>('[data-more]')!;
const clear = form.querySelector<HTMLButtonElement>('[data-clear]')!;
const base = form.dataset.base!;

let state: SearchState = parseState(location.search);
let shown: PagefindResponse['results'] = [];
let remaining: PagefindResponse['results'] = [];
/** Facets whose every value the reader asked to see. */
const expanded = new Set<FacetKey>();
/** Each search gets a number; a slower earlier one never overwrites a later one. */
let generation = 0;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function appendPieces(parent: HTMLElement, pieces: TextPiece[]): void {
  for (const piece of pieces) parent.append(piece.mark ? element('mark', undefined, piece.text) : document.createTextNode(piece.text));
}

/** The page's address for a result: records hold root-relative URLs, the site may live under a base path. */
function resultUrl(url: string): string {
  return base.replace(/\/$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

function renderClaim(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const item = element('li', 'result result-claim');
  const kicker = element('p', 'result-kicker');
  kicker.append(
    element('span', 'result-type', `Claim ${meta.number}`),
    ' · ',
    element('span', 'kind-badge', meta.kind ?? ''),
    ` · in ${meta.article ?? ''}`,
  );
  // The record's content starts with the quote, then the summary: the meta says how many words each has.
  const quoteWords = Number(meta.quoteWords);
  const summaryWords = Number(meta.summaryWords);
  const heading = element('h3');
  const link = element('a');
  appendPieces(link, wordPieces(data.content, quoteWords, summaryWords, data.locations));
  link.href = resultUrl(data.url);
  heading.append(link);
  const facts = element('p', 'result-facts');
  facts.textContent = `By ${meta.by}${meta.through ? ` (for ${meta.through})` : ''}${meta.speaker ? `, “${meta.speaker}”` : ''} · about ${meta.about}`;
  const quote = element('blockquote', 'result-quote');
  appendPieces(quote, wordPieces(data.content, 0, quoteWords, data.locations));
  item.append(kicker, heading, facts, quote);
  return item;
}

function renderArticle(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const item = element('li', 'result result-article');
  const claims = Number(meta.claims);
  item.append(
    element('p', 'result-kicker', `Article · ${claims} ${claims === 1 ? 'claim' : 'claims'}${meta.source ? ` · ${meta.source}` : ''}`),
  );
  const heading = element('h3');
  const link = element('a', undefined, meta.title);
  link.href = resultUrl(data.url);
  heading.append(link);
  const excerpt = element('p', 'result-excerpt');
  appendPieces(excerpt, excerptPieces(data.excerpt));
  item.append(heading, excerpt);
  return item;
}

function renderParty(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const item = element('li', 'result result-party');
  item.append(element('p', 'result-kicker', `Party · ${meta.kind}`));
  const heading = element('h3');
  const link = element('a', undefined, meta.title);
  link.href = resultUrl(data.url);
  heading.append(link);
  const n = (key: string) => Number(meta[key] ?? 0);
  const facts = element(
    'p',
    'result-facts',
    `${n('claimsBy')} claims by it, ${n('claimsAbout')} about it, in ${n('articles')} ${n('articles') === 1 ? 'article' : 'articles'}${meta.alsoCalled ? ` · also called ${meta.alsoCalled}` : ''}`,
  );
  item.append(heading, facts);
  return item;
}

function render(data: PagefindResultData): HTMLLIElement {
  if (data.meta.type === 'claim') return renderClaim(data);
  if (data.meta.type === 'party') return renderParty(data);
  return renderArticle(data);
}

/** Loads and appends the next page of results. */
async function showMore(current: number): Promise<void> {
  const next = remaining.slice(0, PAGE_SIZE);
  remaining = remaining.slice(PAGE_SIZE);
  const items = await Promise.all(next.map(async (result) => render(await result.data())));
  if (current !== generation) return;
  list.append(...items);
  shown = shown.concat(next);
  more.hidden = remaining.length === 0;
}

function renderFacets(counts: PagefindResponse['filters']): void {
  // The boxes are rebuilt: a keyboard user's focus goes back to the same box.
  const focused =
    document.activeElement instanceof HTMLInputElement && document.activeElement.closest('fieldset[data-facet]')
      ? document.activeElement
      : undefined;
  let anySelected = false;
  for (const { key } of FACETS) {
    const fieldset = form.querySelector<HTMLFieldSetElement>(`fieldset[data-facet="${key}"]`)!;
    const ul = fieldset.querySelector('ul')!;
    const selected = state.filters[key] ?? [];
    anySelected ||= selected.length > 0;
    const values = Object.entries(counts[key] ?? {})
      .filter(([value, count]) => count > 0 || selected.includes(value))
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'));
    for (const value of selected) if (!values.some(([v]) => v === value)) values.push([value, 0]);
    const visible = expanded.has(key) ? values : values.filter(([value], i) => i < FACET_PREVIEW || selected.includes(value));
    const items = visible.map(([value, count]) => {
      const li = element('li');
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.checked = selected.includes(value);
      label.append(box, ` ${key === 'type' ? (TYPE_LABELS[value] ?? value) : value} `, element('span', 'facet-count', `(${count})`));
      li.append(label);
      return li;
    });
    if (values.length > visible.length || expanded.has(key)) {
      const li = element('li');
      const toggle = element('button', 'facet-toggle', expanded.has(key) ? 'Show fewer' : `Show all ${values.length}`);
      toggle.type = 'button';
      toggle.dataset.facetToggle = key;
      toggle.setAttribute('aria-expanded', String(expanded.has(key)));
      li.append(toggle);
      items.push(li);
    }
    ul.replaceChildren(...items);
    fieldset.hidden = values.length === 0;
  }
  clear.hidden = !anySelected;
  if (focused) {
    const again = [...form.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')].find(
      (box) => box.name === focused.name && box.value === focused.value,
    );
    again?.focus();
  }
}

function quoted(q: string): string {
  return `“${q}”`;
}

/**
 * Pagefind's filters, loaded once. Until they are, a search's response has no counts per facet value;
 * they are the largest part of the index a first search fetches, so a first query without filters shows
 * its results first and its facets when they arrive.
 */
let filtersLoaded: Promise<PagefindResponse['filters']> | undefined;
let filtersReady = false;
function loadFilters(pagefind: Pagefind): Promise<PagefindResponse['filters']> {
  filtersLoaded ??= pagefind.filters().then((counts) => {
    filtersReady = true;
    return counts;
  });
  return filtersLoaded;
}

/** Runs the search in `state`, renders results and facets, and says what happened in the live region. */
async function run(pagefind: Pagefind): Promise<void> {
  const current = ++generation;
  const { term, cut } = searchTerm(state.q);
  const filters = pagefindFilters(state.filters);
  const filtering = Object.keys(filters).length > 0;
  if (term === '' && !filtering) {
    list.replaceChildren();
    more.hidden = true;
    shown = [];
    remaining = [];
    const counts = await loadFilters(pagefind);
    if (current !== generation) return;
    renderFacets(counts);
    status.textContent = 'Type words to search every claim, quote, article and party, or choose a filter.';
    return;
  }
  if (filtering) await loadFilters(pagefind);
  const search = () => pagefind.search(term === '' ? null : term, { filters });
  const response = await search();
  if (current !== generation) return;
  list.replaceChildren();
  shown = [];
  remaining = response.results;
  if (filtersReady) renderFacets(response.filters);
  await showMore(current);
  if (current !== generation) return;
  const total = response.results.length;
  const what =
    term === '' ? 'with these filters' : `for ${quoted(term)}${cut ? ` (only the first ${term.length} characters were searched)` : ''}`;
  const narrowed = filtering && term !== '' ? ', with these filters' : '';
  status.textContent =
    total === 0
      ? `No results ${what}${narrowed}. Try other words${filtering ? ' or clear the filters' : ''}.`
      : `${total} ${total === 1 ? 'result' : 'results'} ${what}${narrowed}.`;
  if (!filtersReady) {
    await loadFilters(pagefind);
    if (current !== generation) return;
    const counted = await search();
    if (current === generation) renderFacets(counted.filters);
  }
}

/** Reads the form into `state` and puts it in the address (replacing the entry while typing). */
function readForm(): void {
  const filters: SearchState['filters'] = {};
  for (const box of form.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]:checked')) {
    (filters[box.name as FacetKey] ??= []).push(box.value);
  }
  state = { q: input.value, filters };
}

function syncAddress(push: boolean): void {
  const url = location.pathname + stateToSearch(state);
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

async function start(): Promise<void> {
  document.querySelector<HTMLElement>('[data-search-nojs]')!.hidden = true;
  form.hidden = false;
  input.value = state.q;
  status.textContent = 'Loading the search index…';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset.pagefind!)) as Pagefind;
    // noWorker: Pagefind runs on this page's thread (one request less, no policy for a worker).
    await pagefind.options({ baseUrl: '/', noWorker: true });
    await pagefind.init();
  } catch {
    status.textContent = 'The search index could not be loaded. Browse every article or every party instead.';
    return;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      readForm();
      syncAddress(false);
      void run(pagefind);
    }, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    readForm();
    syncAddress(true);
    void run(pagefind);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('fieldset input[type="checkbox"]')) {
      readForm();
      syncAddress(true);
      void run(pagefind);
    }
  });
  form.addEventListener('click', (event) => {
    const toggle = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-facet-toggle]');
    if (!toggle) return;
    const key = toggle.dataset.facetToggle as FacetKey;
    if (expanded.has(key)) expanded.delete(key);
    else expanded.add(key);
    void run(pagefind).then(() => form.querySelector<HTMLButtonElement>(`[data-facet-toggle="${key}"]`)?.focus());
  });
  clear.addEventListener('click', () => {
    state = { q: input.value, filters: {} };
    syncAddress(true);
    void run(pagefind).then(() => input.focus());
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(generation).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    input.value = state.q;
    void run(pagefind);
  });
  await run(pagefind);
}

void start();
