import { readArticleSources } from './articleFiles.ts';
import { type ArticleSource, checkArticles, type CheckResult } from '../lib/checkArticles.ts';

/** Reads and checks every article of `dir`: the one entry point for the build, `astro dev` and `npm run check:content`. */
export function runContentCheck(dir: string, root = process.cwd()): CheckResult & { sources: ArticleSource[] } {
  const read = readArticleSources(dir, root);
  const checked = checkArticles(read.sources);
  if (read.sources.length === 0 && read.issues.length === 0) {
    read.issues.push({
      severity: 'error',
      file: dir,
      message: 'there are no articles (*.mdx) in this folder',
      fix: 'add an article, see "Adding an article" in the README',
    });
  }
  return { articles: checked.articles, sources: read.sources, issues: [...read.issues, ...checked.issues] };
}
