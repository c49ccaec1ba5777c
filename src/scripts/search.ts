// The search page's script (loaded by /search/ only). It loads Pagefind's `pagefind.js` from the built site,
// keeps the query and filters in the address, and builds every result with createElement and textContent:
// no text from the index or the query is ever parsed as HTML.
import {
  excerptPieces,
  FACETS,
  type FacetKey,
  pagefindFilters,
  parseState,
  type QuickClaim,
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
/** An index: Pagefind's module (the quick index, beside `pagefind.js`) or an instance it creates (the claims index). */
interface PagefindIndex {
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule extends PagefindIndex {
  options(options: Record<string, unknown>): Promise<void>;
  createInstance(options: Record<string, unknown>): PagefindIndex;
}

/** Results shown at a time: claims index results, or quick index records (an article and the claims in it that matched). */
const PAGE_SIZE = { claims: 20, quick: 10 };
/** noWorker: Pagefind runs on this page's thread (one request less, no policy for a worker). */
const PAGEFIND_OPTIONS = { baseUrl: '/', noWorker: true };
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
const openFacets = form.querySelector<HTMLButtonElement>('[data-facets-open]')!;
const facetsHeading = form.querySelector<HTMLElement>('#facets-heading')!;
const base = form.dataset.base!;

let state: SearchState = parseState(location.search);
type Result = PagefindResponse['results'][number];
let remaining: Result[] = [];
/** How the results of the current search become items: one per claims index result, or several per quick one. */
let toItems: (data: PagefindResultData) => HTMLLIElement[] = (data) => [render(data)];
let pageSize = PAGE_SIZE.claims;
/**
 * Whether searches go to the claims index (a record per claim, with the facets and their counts): once the reader
 * asks for the facets or the address has a filter. Until then the quick index answers, a fraction of the bytes.
 */
let facetsWanted = Object.keys(state.filters).length > 0;
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

interface ClaimCard {
  url: string;
  number: string | number;
  kind: string;
  article: string;
  by: string;
  through?: string;
  speaker?: string;
  about: string;
  quote: TextPiece[];
  summary: TextPiece[];
}

function claimCard(card: ClaimCard): HTMLLIElement {
  const item = element('li', 'result result-claim');
  const kicker = element('p', 'result-kicker');
  kicker.append(
    element('span', 'result-type', `Claim ${card.number}`),
    ' · ',
    element('span', 'kind-badge', card.kind),
    ` · in ${card.article}`,
  );
  const heading = element('h3');
  const link = element('a');
  appendPieces(link, card.summary);
  link.href = resultUrl(card.url);
  heading.append(link);
  const facts = element('p', 'result-facts');
  facts.textContent = `By ${card.by}${card.through ? ` (for ${card.through})` : ''}${card.speaker ? `, “${card.speaker}”` : ''} · about ${card.about}`;
  const quote = element('blockquote', 'result-quote');
  appendPieces(quote, card.quote);
  item.append(kicker, heading, facts, quote);
  return item;
}

/** A result of the claims index: the record's content starts with the quote, then the summary (the meta counts their words). */
function renderClaim(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const quoteWords = Number(meta.quoteWords);
  return claimCard({
    url: data.url,
    number: meta.number ?? '',
    kind: meta.kind ?? '',
    article: meta.article ?? '',
    by: meta.by ?? '',
    through: meta.through,
    speaker: meta.speaker,
    about: meta.about ?? '',
    quote: wordPieces(data.content, 0, quoteWords, data.locations),
    summary: wordPieces(data.content, quoteWords, Number(meta.summaryWords), data.locations),
  });
}

/**
 * A result of the quick index: an article's record holds its text, then each claim's quote and summary. Each
 * claim with a matched word is its own item, then the article if its own text matched (or no claim did).
 */
function renderQuick(data: PagefindResultData): HTMLLIElement[] {
  if (data.meta.type !== 'article') return [render(data)];
  const claims = JSON.parse(data.meta.claimList ?? '[]') as QuickClaim[];
  const hit = (from: number, to: number) => data.locations.some((location) => location >= from && location < to);
  const items = claims
    .filter((claim) => hit(claim.start, claim.start + claim.quoteWords + claim.summaryWords))
    .map((claim) =>
      claimCard({
        ...claim,
        url: `${data.url}#${claim.anchor}`,
        article: data.meta.title ?? '',
        quote: wordPieces(data.content, claim.start, claim.quoteWords, data.locations),
        summary: wordPieces(data.content, claim.start + claim.quoteWords, claim.summaryWords, data.locations),
      }),
    );
  if (items.length === 0 || hit(0, Number(data.meta.textWords))) items.push(renderArticle(data));
  return items;
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
  const next = remaining.slice(0, pageSize);
  remaining = remaining.slice(pageSize);
  const items = await Promise.all(next.map(async (result) => toItems(await result.data())));
  if (current !== generation) return;
  list.append(...items.flat());
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

/** The claims index, loaded once the reader asks for the facets (or the address has a filter), with its filters. */
let claimsIndex: Promise<{ index: PagefindIndex; counts: PagefindResponse['filters'] }> | undefined;
function loadClaims(pagefind: PagefindModule): Promise<{ index: PagefindIndex; counts: PagefindResponse['filters'] }> {
  claimsIndex ??= (async () => {
    const index = pagefind.createInstance({ ...PAGEFIND_OPTIONS, basePath: form.dataset.pagefindClaims });
    await index.init();
    // Pagefind returns no counts with a search until its filters are loaded.
    return { index, counts: await index.filters() };
  })();
  return claimsIndex;
}

/** Runs the search in `state`, renders results and facets, and says what happened in the live region. */
async function run(pagefind: PagefindModule): Promise<void> {
  const current = ++generation;
  const { term, cut } = searchTerm(state.q);
  const filters = pagefindFilters(state.filters);
  const filtering = Object.keys(filters).length > 0;
  facetsWanted ||= filtering;
  openFacets.hidden = facetsWanted;
  const claims = facetsWanted ? await loadClaims(pagefind) : undefined;
  if (current !== generation) return;
  if (term === '' && !filtering) {
    list.replaceChildren();
    more.hidden = true;
    remaining = [];
    if (claims) renderFacets(claims.counts);
    status.textContent = 'Type words to search every claim, quote, article and party, or choose a filter.';
    return;
  }
  const response = await (claims ? claims.index.search(term === '' ? null : term, { filters }) : pagefind.search(term));
  if (current !== generation) return;
  list.replaceChildren();
  remaining = response.results;
  [toItems, pageSize] = claims ? [(data) => [render(data)], PAGE_SIZE.claims] : [renderQuick, PAGE_SIZE.quick];
  if (claims) renderFacets(response.filters);
  await showMore(current);
  if (current !== generation) return;
  const total = response.results.length;
  const what =
    term === '' ? 'with these filters' : `for ${quoted(term)}${cut ? ` (only the first ${term.length} characters were searched)` : ''}`;
  const narrowed = filtering && term !== '' ? ', with these filters' : '';
  if (total === 0) status.textContent = `No results ${what}${narrowed}. Try other words${filtering ? ' or clear the filters' : ''}.`;
  else if (claims) status.textContent = `${total} ${total === 1 ? 'result' : 'results'} ${what}${narrowed}.`;
  // A quick index result is an article (with the claims in it that matched) or a party.
  else status.textContent = `Found in ${total} ${total === 1 ? 'article or party' : 'articles and parties'} ${what}.`;
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
  let pagefind: PagefindModule;
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset.pagefind!)) as PagefindModule;
    await pagefind.options(PAGEFIND_OPTIONS);
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
  openFacets.addEventListener('click', () => {
    facetsWanted = true;
    status.textContent = 'Loading the filters…';
    // The button hides itself: the focus goes to the filters' heading, so Tab reaches the first filter.
    void run(pagefind).then(() => facetsHeading.focus());
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
