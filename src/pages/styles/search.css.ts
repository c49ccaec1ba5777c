import type { APIRoute } from 'astro';
import css from '../../styles/search-page.css?raw';

/** The search page's styles, apart from the site's one stylesheet: no other page loads them. */
export const GET: APIRoute = () => new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
