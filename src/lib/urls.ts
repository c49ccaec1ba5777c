/** Site paths under Astro's `base`, one trailing-slash policy: every page URL ends in `/`. */
export function sitePaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    home: () => root,
    article: (slug: string) => `${root}articles/${slug}/`,
    party: (id: string) => `${root}parties/${id}/`,
    /** Page n (from 1) of a party's claims: the first is the party page itself. */
    partyPage: (id: string, n: number) => (n === 1 ? `${root}parties/${id}/` : `${root}parties/${id}/${n}/`),
    articleData: (slug: string) => `${root}articles/${slug}.json`,
    /** Page n (from 1) of the article index, newest first; of the party index, by name; and their data. */
    articleIndex: (n = 1) => (n === 1 ? `${root}articles/` : `${root}articles/page/${n}/`),
    partyIndex: (n = 1) => (n === 1 ? `${root}parties/` : `${root}parties/page/${n}/`),
    articleIndexData: (n = 1) => (n === 1 ? `${root}articles/index.json` : `${root}articles/page/${n}.json`),
    partyIndexData: (n = 1) => (n === 1 ? `${root}parties/index.json` : `${root}parties/page/${n}.json`),
    schema: (name: SchemaName) => `${root}schemas/${name}.schema.json`,
    feed: () => `${root}rss.xml`,
    socialImage: (slug: string) => `${root}social/${slug}.png`,
    claimOnArticle: (slug: string, claimId: string) => `${root}articles/${slug}/#${claimAnchor(claimId)}`,
    listsStylesheet: () => `${root}styles/lists.css`,
    asset: (path: string) => `${root}${path.replace(/^\//, '')}`,
  };
}

export type SitePaths = ReturnType<typeof sitePaths>;

/** Turns a site path into an absolute URL on `site` (the site layer passes `absoluteUrl`). */
export type ToAbsoluteUrl = (path: string) => string;

/** The JSON Schemas the site publishes. */
export type SchemaName = 'frontmatter' | 'article' | 'article-index' | 'party-index';

/** Fragment ids on the article page. */
export const claimAnchor = (claimId: string) => `claim-${claimId}`;
export const quoteAnchor = (claimId: string) => `quote-${claimId}`;
export const partyAnchor = (partyId: string) => `party-${partyId}`;
/** The class every mark of claim number n carries, so that targeting one highlights all of them. */
export const claimTargetClass = (n: number) => `c${n}`;
/** Block n (paragraph, heading, list item, quotation or cell) counts from 1. */
export const paragraphAnchor = (n: number) => `p-${n}`;
