import type { APIRoute } from 'astro';
// The cascade layers' order first: this sheet is linked before the site's, and a layer's rank is set where it first appears.
import layerOrder from '../../styles/layers.css?raw';
import css from '../../styles/lists.css?raw';

/** The styles of the home page, the indexes and the party pages, apart from the site's stylesheet: an article page does not load them. */
export const GET: APIRoute = () => new Response(`${layerOrder.trim()}\n${css}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
