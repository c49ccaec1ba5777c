import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import { paths } from '../site/urls';
import { plural } from '../lib/wording';
import { getReferenceIndex } from '../site/contentGate';

export const GET: APIRoute = async (context) => {
  const index = getReferenceIndex();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: context.site!,
    trailingSlash: true,
    items: index.articles.map((article) => ({
      title: article.data.title,
      link: paths.article(article.slug),
      description: `${plural(article.claims.length, 'claim')} by ${plural(article.claimsByParty.size, 'party')}.${article.data.dek ? ` ${article.data.dek}` : ''}`,
      // Only a date the source gives; none is invented.
      ...(article.data.source.published ? { pubDate: new Date(article.data.source.published) } : {}),
    })),
  });
};
