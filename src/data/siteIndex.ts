import { getCollection } from 'astro:content';
import { ContentError, type ContentIssue } from '../lib/contentIssues.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../lib/referenceIndex.ts';
import { checkArticles } from '../lib/validateArticles.ts';

let cached: Promise<ReferenceIndex> | undefined;

/** The cross-reference index of every article, built once per build and shared by all pages. */
export function getReferenceIndex(): Promise<ReferenceIndex> {
  cached ??= load();
  return cached;
}

async function load(): Promise<ReferenceIndex> {
  const entries = await getCollection('articles');
  const { articles, issues } = checkArticles(
    entries.map((entry) => ({ file: entry.filePath ?? entry.id, slug: entry.id, data: entry.data, body: entry.body ?? '' })),
  );
  const errors: ContentIssue[] = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
  return buildReferenceIndex(articles);
}
