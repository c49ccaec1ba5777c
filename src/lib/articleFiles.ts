import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { SLUG_PATTERN } from '../schemas/slug.ts';
import { RESERVED_SLUGS } from './listings.ts';
import type { ContentIssue } from './contentIssues.ts';
import type { ArticleSource } from './validateArticles.ts';

/** The folder the articles are read from: `content/articles`, or `STANDPOINT_ARTICLES` (tests and benchmarks). */
export function articlesDir(env: Record<string, string | undefined> = process.env): string {
  return env.STANDPOINT_ARTICLES || 'content/articles';
}

/** The article files of a folder: `<slug>.mdx`, sorted by name so every build reads them in one order. */
export function listArticleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => entry.name)
    .sort();
}

/** Reads every article of `dir`; a file that cannot be read as MDX with frontmatter becomes an issue. */
export function readArticleSources(dir: string, root = process.cwd()): { sources: ArticleSource[]; issues: ContentIssue[] } {
  const sources: ArticleSource[] = [];
  const issues: ContentIssue[] = [];
  for (const name of listArticleFiles(resolve(root, dir))) {
    const path = resolve(root, dir, name);
    const file = relative(root, path) || join(dir, name);
    const slug = name.slice(0, -'.mdx'.length);
    if (!SLUG_PATTERN.test(slug)) {
      issues.push({
        severity: 'error',
        file,
        message: `the file name "${name}" is not a slug, and the page URL is made from it`,
        fix: 'rename it to lower-case words joined by hyphens, e.g. "pakistan-rejects-accusation.mdx"',
      });
      continue;
    }
    if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
      issues.push({
        severity: 'error',
        file,
        message: `the file name "${name}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')})`,
        fix: 'rename it to a few words of the headline, e.g. "pakistan-rejects-accusation.mdx"',
      });
      continue;
    }
    try {
      const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: 'empty-with-lines' });
      sources.push({ file, slug, data: frontmatter, body: content });
    } catch (error) {
      issues.push({
        severity: 'error',
        file,
        entry: 'frontmatter',
        message: `the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        fix: 'check indentation and quoting; strings holding ": " or starting with a quote need quotes around them',
      });
    }
  }
  return { sources, issues };
}
