import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl, paths } from '../../site/urls';
import { getReferenceIndex } from '../../site/contentGate';
import { partyIndexExports } from '../../lib/openData';
import type { PartyIndexExport } from '../../schemas/openData';

// `/parties/index.json`, then `/parties/page/2.json`, …: "index" and "page" are never party ids.
export const getStaticPaths = (() =>
  partyIndexExports(getReferenceIndex(), paths, absoluteUrl).map((data) => ({
    params: { page: data.page === 1 ? 'index' : `page/${data.page}` },
    props: { data },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: PartyIndexExport }> = ({ props }) => Response.json(props.data);
