// The search page's script (loaded by /search/ only). It loads Pagefind's `pagefind.js` from the built site,
// keeps the query and filters in the address, and builds every result with createElement and textContent:
// no text from the index or the query is ever parsed as HTML.
import { FACETS, type FacetKey, pagefindFilters, parseState, type SearchState, searchTerm, stateToSearch } from '../lib/searchQuery.ts';
import { element, type PagefindModule, type PagefindResponse, renderRecord } from './searchResults.ts';

/** Records shown at a time: an article (with the claims in it that matched) or a party. */
const PAGE_SIZE = 10;
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
const facetsHint = form.querySelector<HTMLElement>('[data-facets-hint]')!;

let state: SearchState = parseState(location.search);
type Result = PagefindResponse['results'][number];
let remaining: Result[] = [];
/** What the current search asked: its results' items depend on it (`renderRecord`). */
let asked: Pick<SearchState, 'filters'> & { searched: boolean } = { searched: false, filters: {} };
/**
 * Whether the facets are shown, with their counts: once the reader asks for them or the address has a filter.
 * Until then a search loads none of the index's filter files.
 */
let facetsWanted = Object.keys(state.filters).length > 0;
/** Facets whose every value the reader asked to see. */
const expanded = new Set<FacetKey>();
/** Each search gets a number; a slower earlier one never overwrites a later one. */
let generation = 0;

async function showMore(current: number): Promise<void> {
  const next = remaining.slice(0, PAGE_SIZE);
  remaining = remaining.slice(PAGE_SIZE);
  const search = asked;
  const items = await Promise.all(next.map(async (result) => renderRecord(await result.data(), search)));
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

/** The facets' values and their counts over the whole index, loaded once (Pagefind then counts every search's too). */
let allCounts: Promise<PagefindResponse['filters']> | undefined;

/** Runs the search in `state`, renders results and facets, and says what happened in the live region. */
async function run(pagefind: PagefindModule): Promise<void> {
  const current = ++generation;
  // Nothing of the last search is shown more of while this one runs.
  remaining = [];
  more.hidden = true;
  const { term, cut } = searchTerm(state.q);
  const filters = pagefindFilters(state.filters);
  const filtering = Object.keys(filters).length > 0;
  facetsWanted ||= filtering;
  openFacets.hidden = facetsWanted;
  facetsHint.hidden = !facetsWanted;
  let counts: PagefindResponse['filters'] | undefined;
  try {
    counts = facetsWanted ? await (allCounts ??= pagefind.filters()) : undefined;
  } catch {
    // Asked again by the next search.
    allCounts = undefined;
    if (current === generation) status.textContent = 'The filters could not be loaded. Try again, or search without them.';
    return;
  }
  if (current !== generation) return;
  if (term === '' && !filtering) {
    list.replaceChildren();
    more.hidden = true;
    remaining = [];
    if (counts) renderFacets(counts);
    status.textContent = 'Type words to search every claim, quote, article and party, or choose a filter.';
    return;
  }
  const response = await pagefind.search(term === '' ? null : term, { filters });
  if (current !== generation) return;
  list.replaceChildren();
  remaining = response.results;
  asked = { searched: term !== '', filters: state.filters };
  if (counts) renderFacets(response.filters);
  await showMore(current);
  if (current !== generation) return;
  const total = response.results.length;
  const what =
    term === '' ? 'with these filters' : `for ${quoted(term)}${cut ? ` (only the first ${term.length} characters were searched)` : ''}`;
  const narrowed = filtering && term !== '' ? ', with these filters' : '';
  if (total === 0) status.textContent = `No results ${what}${narrowed}. Try other words${filtering ? ' or clear the filters' : ''}.`;
  // A result is an article (shown with the claims in it that matched) or a party.
  else status.textContent = `Found in ${total} ${total === 1 ? 'article or party' : 'articles and parties'} ${what}${narrowed}.`;
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
