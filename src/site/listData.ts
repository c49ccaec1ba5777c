import type { APIRoute, GetStaticPaths } from 'astro';
import { listDataRoutes } from '../lib/listings.ts';
import type { ReferenceIndex } from '../lib/referenceIndex.ts';
import type { SitePaths, ToAbsoluteUrl } from '../lib/urls.ts';
import { getReferenceIndex } from './contentGate.ts';
import { absoluteUrl, paths } from './urls.ts';

/** The endpoint of a paginated list's open data: `/x/index.json`, then `/x/page/2.json`, …, each page as JSON. */
export function listDataEndpoint<T extends { page: number }>(
  pagesOf: (index: ReferenceIndex, paths: SitePaths, absolute: ToAbsoluteUrl) => T[],
) {
  const getStaticPaths = (() => listDataRoutes(pagesOf(getReferenceIndex(), paths, absoluteUrl))) satisfies GetStaticPaths;
  const GET: APIRoute<{ data: T }> = ({ props }) => Response.json(props.data);
  return { getStaticPaths, GET };
}
