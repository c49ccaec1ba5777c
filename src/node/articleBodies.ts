import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ArticleSource, CheckedArticle } from '../lib/checkArticles.ts';
import { indexArticle } from '../lib/referenceIndex.ts';
import { sitePaths } from '../lib/urls.ts';
import { articleRenderer, renderBody } from '../site/articleMarkdown.ts';
import { env } from './env.ts';
import { rendererDigest } from './rendererDigest.ts';

/**
 * The rendered article bodies kept in the cache folder (`<cacheDir>/article-html/<digest>.html`), one per
 * checked text: the content check renders the bodies of the articles it checked on its threads, into this
 * folder, and the content loader (`site/articleLoader.ts`) takes them from it, rendering only what is missing.
 * A digest covers everything the HTML is made of: the checked frontmatter and body, the base path, the
 * Markdown processor (`STANDPOINT_MARKDOWN`) and the code (`rendererDigest`), so a kept body is never stale.
 */

/**
 * The syntax trees of the bodies the check parsed, by article file (as the check names it): the renderer starts
 * from them instead of parsing each body again, and takes each once (it changes the tree it renders).
 */
export type BodyTrees = Map<string, Root>;

/** What the bodies are rendered with, besides each article: the same for the check's threads and the loader. */
export interface BodySettings {
  /** The project's folder (for `rendererDigest`) and Astro's cache folder (absolute). */
  root: string;
  cacheDir: string;
  /** The site's base path: the margin notes link to party pages under it. */
  base: string;
}

/** The folder of the cache that holds the rendered bodies. */
export const bodyFolder = (settings: Pick<BodySettings, 'cacheDir'>): string => join(settings.cacheDir, 'article-html');

/** What an article's page body is made of, besides the settings: its checked frontmatter (as JSON) and body. */
export const bodyKey = (frontmatter: string, body: string): string => `${frontmatter}\n${body}`;

/** The name of a rendered body's file in `bodyFolder`, from the settings and the body's `bodyKey`. */
export function bodyFile(settings: BodySettings, key: string): string {
  const made = JSON.stringify({ base: settings.base, markdown: env.markdown, code: rendererDigest(settings.root) });
  return `${createHash('sha256').update(made).update('\n').update(key).digest('hex').slice(0, 32)}.html`;
}

/** Writes a rendered body whole, then renames it: a build that stops half-way never leaves a truncated body behind. */
export function keepBody(path: string, html: string): void {
  writeFileSync(`${path}.${process.pid}.tmp`, html);
  renameSync(`${path}.${process.pid}.tmp`, path);
}

/**
 * Renders the body of each checked article whose HTML the cache folder does not hold yet, with the site's
 * processor (`articleMarkdown.ts`) and the article itself for the claim marks, and keeps it there. Drafts
 * are left out unless `drafts` (a build does not publish them). With `trees` (the check's), a body starts from
 * its tree instead of being parsed again. Returns how many it rendered.
 */
export async function renderBodies(
  articles: readonly CheckedArticle[],
  sources: readonly ArticleSource[],
  settings: BodySettings,
  { drafts = false, trees }: { drafts?: boolean; trees?: BodyTrees } = {},
): Promise<number> {
  const sourceOf = new Map(sources.map((source) => [source.slug, source]));
  const folder = bodyFolder(settings);
  mkdirSync(folder, { recursive: true });
  const byPath = new Map<string, CheckedArticle>();
  const rendering = (file: VFile) => (file.path ? byPath.get(resolve(file.path)) : undefined);
  const renderer = await articleRenderer({
    lookup: (file) => {
      const article = rendering(file);
      return article && indexArticle(article);
    },
    paths: sitePaths(settings.base),
    ...(trees && {
      parsed: (file: VFile) => {
        const article = rendering(file);
        const tree = article && trees.get(article.file);
        if (article) trees.delete(article.file);
        return tree;
      },
    }),
  });
  let rendered = 0;
  for (const article of articles) {
    if (article.data.draft && !drafts) continue;
    const source = sourceOf.get(article.slug)!;
    const path = join(folder, bodyFile(settings, bodyKey(JSON.stringify(source.data), source.body)));
    if (existsSync(path)) {
      trees?.delete(article.file);
      continue;
    }
    const file = resolve(settings.root, article.file);
    byPath.set(file, article);
    keepBody(path, await renderBody(renderer, file, source.body));
    byPath.delete(file);
    rendered++;
  }
  return rendered;
}
