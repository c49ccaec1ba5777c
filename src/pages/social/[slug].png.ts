import type { APIRoute, GetStaticPaths } from 'astro';
import { getReferenceIndex } from '../../site/contentGate';
import { socialCard } from '../../site/socialCard';
import { type SocialCard, socialImagePng } from '../../node/socialImage';

// Each card's text is its `cacheKey`: a rebuild draws only the cards whose text changed, and Astro's incremental
// build restores the others (a change to the drawing's code, colours or fonts changes its hashes of the modules).
export const getStaticPaths = (() =>
  getReferenceIndex().articles.map((article) => {
    const card = socialCard(article);
    return { params: { slug: article.slug }, props: { card }, cacheKey: JSON.stringify(card) };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SocialCard }> = async ({ props }) => {
  const png = await socialImagePng(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
