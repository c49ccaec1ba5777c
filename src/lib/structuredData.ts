import type { Claim as SchemaClaim, NewsArticle, Organization, Person, WithContext } from 'schema-dts';
import { type Party, quoteSpans } from '../schemas/article.ts';
import { joinSpans } from './wording.ts';
import type { IndexedArticle } from './referenceIndex.ts';
import { claimAnchor, type SitePaths } from './urls.ts';
import type { Absolute } from './openData.ts';

/** A party as a schema.org author: a Person, a GovernmentOrganization for states and governments, else an Organization. */
function agent(party: Party, url: string): Person | Organization {
  if (party.kind === 'person') return { '@type': 'Person', name: party.name, url };
  const type = party.kind === 'state' || party.kind === 'government' ? 'GovernmentOrganization' : 'Organization';
  return { '@type': type, name: party.name, url };
}

/** The claimant as an author; a person or office speaking for a party is affiliated with it (a Person) or part of it. */
function author(claimant: Party, speaksFor: Party | undefined, url: (party: Party) => string): Person | Organization {
  if (!speaksFor) return agent(claimant, url(claimant));
  const principal = agent(speaksFor, url(speaksFor)) as Organization;
  if (claimant.kind === 'person') return { '@type': 'Person', name: claimant.name, url: url(claimant), affiliation: principal };
  return { '@type': 'Organization', name: claimant.name, url: url(claimant), parentOrganization: principal };
}

/**
 * JSON-LD for an article page: the article with only the properties its source gives,
 * and each claim as a schema.org Claim authored by its claimant and appearing on this page.
 */
export function articleStructuredData(
  article: IndexedArticle,
  paths: SitePaths,
  absolute: Absolute,
): Array<WithContext<NewsArticle> | WithContext<SchemaClaim>> {
  const pageUrl = absolute(paths.article(article.slug));
  const { source } = article.data;
  const partyUrl = (party: Party) => absolute(paths.party(party.id));
  const newsArticle: WithContext<NewsArticle> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.data.title,
    url: pageUrl,
    ...(source.url ? { isBasedOn: source.url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.published ? { datePublished: source.published } : {}),
  };
  const claims = article.claims.map(({ claim, claimant, speaksFor, about }): WithContext<SchemaClaim> => ({
    '@context': 'https://schema.org',
    '@type': 'Claim',
    '@id': `${pageUrl}#${claimAnchor(claim.id)}`,
    name: claim.summary,
    text: joinSpans(quoteSpans(claim)),
    author: author(claimant, speaksFor, partyUrl),
    ...(claim.speaker ? { creditText: claim.speaker } : {}),
    ...(claim.date ? { dateCreated: claim.date } : {}),
    about: about.map((party) => agent(party, partyUrl(party))),
    appearance: { '@type': 'CreativeWork', url: `${pageUrl}#${claimAnchor(claim.id)}` },
  }));
  return [newsArticle, ...claims];
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
