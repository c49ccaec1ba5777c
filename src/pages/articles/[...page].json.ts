import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl, paths } from '../../site/urls';
import { getReferenceIndex } from '../../site/contentGate';
import { articleIndexExports } from '../../lib/openData';
import type { ArticleIndexExport } from '../../schemas/openData';

// `/articles/index.json`, then `/articles/page/2.json`, …: "index" and "page" are never article slugs.
export const getStaticPaths = (() =>
  articleIndexExports(getReferenceIndex(), paths, absoluteUrl).map((data) => ({
    params: { page: data.page === 1 ? 'index' : `page/${data.page}` },
    props: { data },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: ArticleIndexExport }> = ({ props }) => Response.json(props.data);
