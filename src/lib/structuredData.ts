import type { Claim as SchemaClaim, NewsArticle, Organization, Person, WithContext } from 'schema-dts';
import type { Party } from '../schemas/article.ts';
import type { IndexedArticle } from './referenceIndex.ts';
import { claimAnchor, type SitePaths } from './urls.ts';
import type { Absolute } from './openData.ts';

/** A party as a schema.org author: a Person, a GovernmentOrganization for states and governments, else an Organization. */
function agent(party: Party, url: string): Person | Organization {
  if (party.kind === 'person') return { '@type': 'Person', name: party.name, url };
  const type = party.kind === 'state' || party.kind === 'government' ? 'GovernmentOrganization' : 'Organization';
  return { '@type': type, name: party.name, url };
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
  const party = (id: string) => agent(article.partyById.get(id)!, absolute(paths.party(id)));
  const newsArticle: WithContext<NewsArticle> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.data.title,
    url: pageUrl,
    ...(source.url ? { isBasedOn: source.url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.published ? { datePublished: source.published } : {}),
  };
  const claims = article.claims.map(({ claim }): WithContext<SchemaClaim> => ({
    '@context': 'https://schema.org',
    '@type': 'Claim',
    '@id': `${pageUrl}#${claimAnchor(claim.id)}`,
    name: claim.summary,
    text: claim.quote,
    author: party(claim.by),
    about: claim.about.map(party),
    appearance: { '@type': 'CreativeWork', url: `${pageUrl}#${claimAnchor(claim.id)}` },
  }));
  return [newsArticle, ...claims];
}

/** JSON for a `<script type="application/ld+json">`, with `<` escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
