import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_TITLE } from '../../consts';
import { env } from '../../node/env';
import { plural } from '../../lib/wording';
import { contentDigest, getReferenceIndex } from '../../site/contentGate';
import type { IndexedArticle } from '../../lib/referenceIndex';
import { socialImagePng } from '../../node/socialImage';

export const getStaticPaths = (() => {
  const index = getReferenceIndex();
  return index.articles.map((article) => ({ params: { slug: article.slug }, props: { article }, cacheKey: contentDigest() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: IndexedArticle }> = async ({ props }) => {
  const { article } = props;
  const png = await socialImagePng(
    {
      title: article.data.title,
      subtitle: `${plural(article.claims.length, 'claim')} by ${plural(article.claimsByParty.size, 'party')} · who claims what about whom`,
      siteName: SITE_TITLE,
    },
    env.cacheDir,
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
