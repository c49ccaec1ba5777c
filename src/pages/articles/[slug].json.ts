import type { APIRoute, GetStaticPaths } from 'astro';
import { absoluteUrl, paths } from '../../site/urls';
import { contentDigest, getReferenceIndex } from '../../site/contentGate';
import { articleExport } from '../../lib/openData';
import type { IndexedArticle } from '../../lib/referenceIndex';

export const getStaticPaths = (() => {
  const index = getReferenceIndex();
  return index.articles.map((article) => ({ params: { slug: article.slug }, props: { article }, cacheKey: contentDigest() }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: IndexedArticle }> = ({ props }) => Response.json(articleExport(props.article, paths, absoluteUrl));
