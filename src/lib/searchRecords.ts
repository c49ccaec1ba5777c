import { quoteSpans } from '../schemas/claim.ts';
import type { ClaimRef, IndexedArticle, PartyEntry, ReferenceIndex } from './referenceIndex.ts';
import { type FacetKey, type QuickClaim, type ResultType, WORD_SEPARATORS } from './searchQuery.ts';
import { claimAnchor, sitePaths } from './urls.ts';

export { FACETS, type QuickClaim, RESULT_TYPES, WORD_SEPARATORS } from './searchQuery.ts';

/**
 * How the reference becomes Pagefind records: one per claim, one per article, one per party.
 * Pure: the search integration hands these to Pagefind's `addCustomRecord`, and the search page's
 * script reads back the `meta` and `filters` named here.
 */

/** What `addCustomRecord` takes (pagefind's `CustomRecord`), with the meta this site gives every record. */
export interface SearchRecord {
  /** Relative to the site root (no base path): the search page's script prefixes the base. */
  url: string;
  /** The indexed text. A claim's starts with its quote, so the page can highlight matches inside the quote. */
  content: string;
  language: 'en';
  meta: SearchMeta;
  filters: Partial<Record<FacetKey, string[]>>;
}

/** Every value is a string: Pagefind's meta is a string map. A claim has no title: its summary is in its content. */
export type SearchMeta = { type: ResultType; title?: string } & Record<string, string>;

/** Joins the spans of a quote as the claim cards do. */
export const QUOTE_JOINER = ' … ';

/**
 * Facet labels that stay unique: a party by the name most articles use, an article by its title; a
 * second party or article with the same label gets its id in parentheses.
 */
export function facetLabels(index: ReferenceIndex): { party: (id: string) => string; article: (slug: string) => string } {
  const unique = <T>(items: readonly T[], label: (item: T) => string, id: (item: T) => string): Map<string, string> => {
    const seen = new Map<string, number>();
    for (const item of items) seen.set(label(item), (seen.get(label(item)) ?? 0) + 1);
    return new Map(items.map((item) => [id(item), seen.get(label(item))! > 1 ? `${label(item)} (${id(item)})` : label(item)]));
  };
  const parties = unique(
    index.parties,
    (party) => party.name,
    (party) => party.id,
  );
  const articles = unique(
    index.articles,
    (article) => article.data.title,
    (article) => article.slug,
  );
  return { party: (id) => parties.get(id) ?? id, article: (slug) => articles.get(slug) ?? slug };
}

/** Spaces, line breaks and invisible separators collapsed: one line of text. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One record for a claim: its quote first, then its summary, speaker and parties. */
export function claimRecord(ref: ClaimRef, labels: ReturnType<typeof facetLabels>): SearchRecord {
  const { claim } = ref;
  const quote = oneLine(quoteSpans(claim).join(QUOTE_JOINER));
  const summary = oneLine(claim.summary);
  const by = [ref.claimant.id, ...(ref.speaksFor ? [ref.speaksFor.id] : [])];
  const about = ref.about.map((party) => party.id);
  const names = [ref.claimant.name, ref.speaksFor?.name, ...ref.about.map((party) => party.name), ref.reporter?.name];
  return {
    url: `${sitePaths('/').claimOnArticle(ref.articleSlug, claim.id)}`,
    // The quote first, then the summary: the first `quoteWords` positions of the content are the quote's, the
    // next `summaryWords` the summary's, so the page can mark the matched words in both.
    content: [quote, summary, claim.speaker, claim.channel, ...names].filter(Boolean).join('\n'),
    language: 'en',
    // The quote and summary are in the content only (the page reads them back by word counts), not again in the
    // meta: every result the page shows fetches its record's fragment, and the text once is half its bytes.
    meta: {
      type: 'claim',
      number: String(ref.number),
      kind: claim.kind,
      by: ref.claimant.name,
      ...(ref.speaksFor ? { through: ref.speaksFor.name } : {}),
      about: ref.about.map((party) => party.name).join(', '),
      ...(claim.speaker ? { speaker: claim.speaker } : {}),
      ...(ref.reporter ? { reportedBy: ref.reporter.name } : {}),
      ...(claim.date ? { date: claim.date } : {}),
      quoteWords: String(quote.split(WORD_SEPARATORS).length),
      summaryWords: String(summary.split(WORD_SEPARATORS).length),
      article: ref.articleTitle,
    },
    filters: {
      type: ['claim'],
      by: by.map(labels.party),
      about: about.map(labels.party),
      kind: [claim.kind],
      article: [labels.article(ref.articleSlug)],
    },
  };
}

/** An article's title, standfirst and text, a line each. */
function articleText(article: IndexedArticle): string {
  const { data } = article;
  return [data.title, data.dek, ...article.blocks.map((block) => block.text)]
    .filter(Boolean)
    .map((text) => oneLine(text!))
    .join('\n');
}

function articleMeta(article: IndexedArticle): SearchMeta {
  const { data } = article;
  const source = [data.source?.publisher, data.source?.published].filter(Boolean).join(', ');
  return {
    type: 'article',
    title: oneLine(data.title),
    ...(source ? { source } : {}),
    claims: String(article.claims.length),
    parties: String(data.parties.length),
  };
}

/** One record for an article: its title, standfirst and whole text; its filters are its claims' parties. */
export function articleRecord(article: IndexedArticle, labels: ReturnType<typeof facetLabels>): SearchRecord {
  const by = new Set<string>();
  for (const ref of article.claims) {
    by.add(ref.claimant.id);
    if (ref.speaksFor) by.add(ref.speaksFor.id);
  }
  return {
    url: sitePaths('/').article(article.slug),
    content: articleText(article),
    language: 'en',
    meta: articleMeta(article),
    filters: {
      type: ['article'],
      by: [...by].map(labels.party),
      about: [...article.claimsAboutParty.keys()].map(labels.party),
      article: [labels.article(article.slug)],
    },
  };
}

/** One record for a party: every name and alias the articles use, and each article's description of it. */
export function partyRecord(party: PartyEntry, labels: ReturnType<typeof facetLabels>): SearchRecord {
  const names = new Set([party.name, ...party.appearances.flatMap(({ party: view }) => [view.name, ...(view.aliases ?? [])])]);
  const descriptions = new Set(party.appearances.map(({ party: view }) => view.description).filter(Boolean));
  return {
    url: sitePaths('/').party(party.id),
    content: [...names, ...descriptions].map((text) => oneLine(text!)).join('\n'),
    language: 'en',
    meta: {
      type: 'party',
      title: party.name,
      kind: party.kind,
      ...(names.size > 1 ? { alsoCalled: [...names].filter((name) => name !== party.name).join(', ') } : {}),
      articles: String(party.appearances.length),
      claimsBy: String(party.claimsBy.length),
      claimsAbout: String(party.claimsAbout.length),
    },
    filters: {
      type: ['party'],
      ...(party.claimsBy.length > 0 ? { by: [labels.party(party.id)] } : {}),
      ...(party.claimsAbout.length > 0 ? { about: [labels.party(party.id)] } : {}),
      article: party.appearances.map((appearance) => labels.article(appearance.articleSlug)),
    },
  };
}

/** Every record of the site, in a stable order (articles by title, their claims in reading order, then parties by name). */
export function searchRecords(index: ReferenceIndex): SearchRecord[] {
  const labels = facetLabels(index);
  return [
    ...index.articles.flatMap((article) => [articleRecord(article, labels), ...article.claims.map((ref) => claimRecord(ref, labels))]),
    ...index.parties.map((party) => partyRecord(party, labels)),
  ];
}

/** Words of a line as Pagefind counts them (its positions), for a one-line, trimmed text. */
const wordCount = (text: string) => text.split(WORD_SEPARATORS).length;

/**
 * One record for an article in the quick index: its text, then each claim's quote and summary, a line each;
 * `meta.textWords` says where its own text ends and `meta.claimList` (JSON of `QuickClaim[]`) where each
 * claim is, so the page shows every claim the words matched as its own result.
 */
export function articleQuickRecord(article: IndexedArticle): QuickRecord {
  const text = articleText(article);
  const lines = [text];
  let words = wordCount(text);
  const claims: QuickClaim[] = article.claims.map((ref) => {
    const { claim } = ref;
    const quote = oneLine(quoteSpans(claim).join(QUOTE_JOINER));
    const summary = oneLine(claim.summary);
    lines.push(quote, summary);
    const placed: QuickClaim = {
      anchor: claimAnchor(claim.id),
      number: ref.number,
      kind: claim.kind,
      by: ref.claimant.name,
      ...(ref.speaksFor ? { through: ref.speaksFor.name } : {}),
      ...(claim.speaker ? { speaker: claim.speaker } : {}),
      about: ref.about.map((party) => party.name).join(', '),
      start: words,
      quoteWords: wordCount(quote),
      summaryWords: wordCount(summary),
    };
    words += placed.quoteWords + placed.summaryWords;
    return placed;
  });
  return {
    url: sitePaths('/').article(article.slug),
    content: lines.join('\n'),
    language: 'en',
    meta: { ...articleMeta(article), textWords: String(wordCount(text)), claimList: JSON.stringify(claims) },
  };
}

/** A record of the quick index: no filters (the facets come from the claims index, `searchRecords`). */
export type QuickRecord = Omit<SearchRecord, 'filters'>;

/**
 * The quick index a first search uses: one record per article (its claims inside it) and one per party, about
 * 1,060 records at 1,000 articles against 21,067 in `searchRecords`. Pagefind's page table, which every search
 * loads first, grows with the records; the claims index, with a record and filters per claim, is loaded only
 * for the facets.
 */
export function quickRecords(index: ReferenceIndex): QuickRecord[] {
  const labels = facetLabels(index);
  return [
    ...index.articles.map(articleQuickRecord),
    ...index.parties.map((party) => {
      const { filters: _filters, ...record } = partyRecord(party, labels);
      return record;
    }),
  ];
}

/** How many records `searchRecords` makes, without making them: one per article, per claim and per party. */
export function searchRecordCount(index: ReferenceIndex): number {
  return index.articles.reduce((count, article) => count + 1 + article.claims.length, 0) + index.parties.length;
}

/**
 * The folders of the claims index's parts, under the search bundle's: `claims/`, then `claims-2/`, `claims-3/`…,
 * one per `perPart` records in their order. Pagefind adds a record in a time that grows with the records already in
 * its index (21,067 records took 5.6 s, 210,067 took 914 s), so a large site's claims index is built in parts; the
 * search page merges them into the first (Pagefind's `mergeIndex`).
 */
export function claimsIndexFolders(records: number, perPart: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(records / perPart)) }, (_, i) => claimsIndexFolder(i));
}

/** The folder of the claims index's part `i` (from 0). */
export const claimsIndexFolder = (i: number): string => (i === 0 ? 'claims' : `claims-${i + 1}`);
