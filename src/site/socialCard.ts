import { SITE_TITLE } from '../consts.ts';
import type { IndexedArticle } from '../lib/referenceIndex.ts';
import { plural } from '../lib/wording.ts';
import type { SocialCard } from '../node/socialImage.ts';

/** What an article's social preview says: the site's name, the title, and how many claims by how many parties. */
export const socialCard = (article: IndexedArticle): SocialCard => ({
  title: article.data.title,
  subtitle: `${plural(article.claims.length, 'claim')} by ${plural(article.claimsByParty.size, 'party')} · who claims what about whom`,
  siteName: SITE_TITLE,
});
