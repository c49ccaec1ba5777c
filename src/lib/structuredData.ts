import type { Claim as SchemaClaim, Graph, NewsArticle, Organization, Person } from 'schema-dts';
import type { Party } from '../schemas/article.ts';
import type { IndexedArticle } from './referenceIndex.ts';
import { claimAnchor, type SitePaths, type ToAbsoluteUrl } from './urls.ts';

/** A reference to a node of the graph by its `@id`. */
const ref = (id: string) => ({ '@id': id });

/**
 * A party as a schema.org node, described once and referred to by its page URL: a Person, a
 * GovernmentOrganization for states and governments, else an Organization. A person or office that
 * speaks for a party is affiliated with it (a Person) or part of it (an Organization).
 */
function partyNode(party: Party, url: (id: string) => string): Person | Organization {
  const base = { '@id': url(party.id), name: party.name };
  if (party.kind === 'person')
    return { '@type': 'Person', ...base, ...(party.speaksFor ? { affiliation: ref(url(party.speaksFor)) } : {}) };
  const type = party.kind === 'state' || party.kind === 'government' ? 'GovernmentOrganization' : 'Organization';
  return { '@type': type, ...base, ...(party.speaksFor ? { parentOrganization: ref(url(party.speaksFor)) } : {}) };
}

/**
 * JSON-LD for an article page, as one graph: the article with only the properties its source gives,
 * each party once, and each claim as a schema.org Claim whose author and subjects refer to the parties
 * (its `@id` is its place on this page).
 */
export function articleStructuredData(article: IndexedArticle, paths: SitePaths, absolute: ToAbsoluteUrl): Graph {
  const pageUrl = absolute(paths.article(article.slug));
  const partyUrl = (id: string) => absolute(paths.party(id));
  const { source } = article.data;
  const newsArticle: NewsArticle = {
    '@type': 'NewsArticle',
    '@id': pageUrl,
    headline: article.data.title,
    url: pageUrl,
    ...(source.url ? { isBasedOn: source.url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.published ? { datePublished: source.published } : {}),
  };
  const claims = article.claims.map(({ claim, claimant, about }): SchemaClaim => ({
    '@type': 'Claim',
    '@id': `${pageUrl}#${claimAnchor(claim.id)}`,
    name: claim.summary,
    author: ref(partyUrl(claimant.id)),
    ...(claim.speaker ? { creditText: claim.speaker } : {}),
    ...(claim.date ? { dateCreated: claim.date } : {}),
    about: about.map((party) => ref(partyUrl(party.id))),
  }));
  return {
    '@context': 'https://schema.org',
    '@graph': [newsArticle, ...article.data.parties.map((party) => partyNode(party, partyUrl)), ...claims],
  };
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
