import type { APIRoute } from 'astro';
// The cascade layers' order first: this sheet is linked before the site's, and a layer's rank is set where it first appears.
import layerOrder from '../../styles/layers.css?raw';
import css from '../../styles/search-page.css?raw';

/** The search page's styles, apart from the site's one stylesheet: no other page loads them. */
export const GET: APIRoute = () => new Response(`${layerOrder.trim()}\n${css}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
