import type { APIRoute, GetStaticPaths } from 'astro';
import { env } from '../../node/env';
import { contentDigest, getReferenceIndex } from '../../site/contentGate';
import type { IndexedArticle } from '../../lib/referenceIndex';
import { socialCard } from '../../site/socialCard';
import { socialImagePng } from '../../node/socialImage';

export const getStaticPaths = (() => {
  const index = getReferenceIndex();
  return index.articles.map((article) => ({ params: { slug: article.slug }, props: { article }, cacheKey: contentDigest() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: IndexedArticle }> = async ({ props }) => {
  const png = await socialImagePng(socialCard(props.article), env.cacheDir);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
