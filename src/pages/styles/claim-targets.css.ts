import type { APIRoute } from 'astro';
import { getReferenceIndex } from '../../data/contentGate';
import { claimTargetsCss } from '../../lib/claimTargets';

export const GET: APIRoute = () => {
  const maxClaims = Math.max(0, ...getReferenceIndex().articles.map((article) => article.claims.length));
  return new Response(claimTargetsCss(maxClaims), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
