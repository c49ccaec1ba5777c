import { quoteSpans } from '../schemas/claim.ts';
import type { IndexedArticle, PartyEntry, ReferenceIndex } from './referenceIndex.ts';
import { type ClaimInRecord, type FacetKey, type RecordType, WORD_SEPARATORS } from './searchQuery.ts';
import { claimAnchor, sitePaths } from './urls.ts';

export { type ClaimInRecord, WORD_SEPARATORS } from './searchQuery.ts';

/**
 * How the reference becomes Pagefind records: one per article (its claims inside it) and one per party.
 * Pure: the search integration hands these to Pagefind's `addCustomRecord`, and the search page's
 * script reads back the `meta` and `filters` named here.
 */

/** What `addCustomRecord` takes (pagefind's `CustomRecord`), with the meta this site gives every record. */
export interface SearchRecord {
  /** Relative to the site root (no base path): the search page's script prefixes the base. */
  url: string;
  /** The indexed text: an article's text then its claims' words (placed by its `claimList`), or a party's names. */
  content: string;
  language: 'en';
  meta: SearchMeta;
  filters: Partial<Record<FacetKey, string[]>>;
}

/** Every value is a string: Pagefind's meta is a string map. */
export type SearchMeta = { type: RecordType; title?: string } & Record<string, string>;

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

/** Words of a line as Pagefind counts them (its positions), for a one-line, trimmed text. */
const wordCount = (text: string) => text.split(WORD_SEPARATORS).length;

/**
 * One record for an article: its title, standfirst and text, then each claim's quote, summary and names (its
 * speaker, channel and parties: a search for a party's name finds the claims by and about it), a line each.
 * `meta.textWords` says where its own text ends and `meta.claimList` (JSON of `ClaimInRecord[]`) where each claim
 * is and which facet values it holds, so the page shows every claim the words and filters matched as its own
 * result. Its filters are its claims' (every claimant, party spoken for, party claimed about and kind).
 */
export function articleRecord(article: IndexedArticle, labels: ReturnType<typeof facetLabels>): SearchRecord {
  const text = articleText(article);
  const lines = [text];
  const textWords = wordCount(text);
  let words = textWords;
  const by = new Set<string>();
  const about = new Set<string>();
  const kinds = new Set<string>();
  const claims: ClaimInRecord[] = article.claims.map((ref) => {
    const { claim } = ref;
    const quote = oneLine(quoteSpans(claim).join(QUOTE_JOINER));
    const summary = oneLine(claim.summary);
    const names = oneLine(
      [claim.speaker, claim.channel, ref.claimant.name, ref.speaksFor?.name, ...ref.about.map((party) => party.name), ref.reporter?.name]
        .filter(Boolean)
        .join(' '),
    );
    lines.push(quote, summary, names);
    const claimBy = [ref.claimant.id, ...(ref.speaksFor ? [ref.speaksFor.id] : [])].map(labels.party);
    const claimAbout = ref.about.map((party) => labels.party(party.id));
    for (const label of claimBy) by.add(label);
    for (const label of claimAbout) about.add(label);
    kinds.add(claim.kind);
    const placed: ClaimInRecord = {
      anchor: claimAnchor(claim.id),
      number: ref.number,
      kind: claim.kind,
      by: ref.claimant.name,
      ...(ref.speaksFor ? { through: ref.speaksFor.name } : {}),
      ...(claim.speaker ? { speaker: claim.speaker } : {}),
      about: ref.about.map((party) => party.name).join(', '),
      facets: { by: claimBy, about: claimAbout },
      start: words,
      quoteWords: wordCount(quote),
      summaryWords: wordCount(summary),
      nameWords: wordCount(names),
    };
    words += placed.quoteWords + placed.summaryWords + placed.nameWords;
    return placed;
  });
  return {
    url: sitePaths('/').article(article.slug),
    content: lines.join('\n'),
    language: 'en',
    meta: { ...articleMeta(article), textWords: String(textWords), claimList: JSON.stringify(claims) },
    filters: {
      // Every article has claims (the gate refuses one without): its record shows claims and the article.
      type: ['article', 'claim'],
      by: [...by],
      about: [...about],
      kind: [...kinds],
      article: [labels.article(article.slug)],
    },
  };
}

/**
 * The search index's records, in a stable order: one per article (its claims inside it: articles by title, their
 * claims in reading order), then one per party by name. About 1,060 records at 1,000 articles: a record per claim
 * (21,067) cost Pagefind 12 s of CPU at build time, and each search loads a page table that grows with the records.
 */
export function searchRecords(index: ReferenceIndex): SearchRecord[] {
  const labels = facetLabels(index);
  return [...index.articles.map((article) => articleRecord(article, labels)), ...index.parties.map((party) => partyRecord(party, labels))];
}
