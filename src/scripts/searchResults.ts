// The search page's results, built with createElement and textContent: no text from the index or the
// query is ever parsed as HTML. Used by `search.ts`, the page's script.
import { articleResults, type ClaimInRecord, excerptPieces, type SearchState, type TextPiece, wordPieces } from '../lib/searchQuery.ts';

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  locations: number[];
}
export interface PagefindResponse {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
/** Pagefind's module (`pagefind.js`, the index beside it), as the page uses it. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  /** Every facet value with its count of records; once called, searches return their counts too. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The site's base path, from the search form. */
const base = document.querySelector<HTMLFormElement>('#search-form')!.dataset.base!;

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
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

/**
 * The items of one result: an article's record holds its text, then each claim's quote and summary; each claim
 * the words and the filters matched is an item of its own, then the article (`articleResults` says which).
 */
export function renderRecord(
  data: PagefindResultData,
  { searched, filters }: { searched: boolean; filters: SearchState['filters'] },
): HTMLLIElement[] {
  if (data.meta.type !== 'article') return [renderParty(data)];
  const shown = articleResults(JSON.parse(data.meta.claimList ?? '[]') as ClaimInRecord[], {
    textWords: Number(data.meta.textWords),
    locations: data.locations,
    searched,
    filters,
  });
  const items = shown.claims.map((claim) =>
    claimCard({
      ...claim,
      url: `${data.url}#${claim.anchor}`,
      article: data.meta.title ?? '',
      quote: wordPieces(data.content, claim.start, claim.quoteWords, data.locations),
      summary: wordPieces(data.content, claim.start + claim.quoteWords, claim.summaryWords, data.locations),
    }),
  );
  if (shown.article) items.push(renderArticle(data));
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
