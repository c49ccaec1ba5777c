import type { APIRoute } from 'astro';
import { getReferenceIndex } from '../../site/contentGate';
import { claimTargetsCss } from '../../lib/claimTargets';
// The cascade layers' order, first: this sheet is linked before the site's, and a layer's rank is set where it first appears.
import layerOrder from '../../styles/layers.css?raw';

export const GET: APIRoute = () => {
  const maxClaims = Math.max(0, ...getReferenceIndex().articles.map((article) => article.claims.length));
  return new Response(layerOrder.trim() + '\n' + claimTargetsCss(maxClaims), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
