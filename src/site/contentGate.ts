import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { articlesDir, env } from '../node/env.ts';
import { ContentError, type ContentIssue, hasErrors } from '../lib/contentIssues.ts';
import { buildReferenceIndex, indexArticle, type IndexedArticle, type ReferenceIndex } from '../lib/referenceIndex.ts';
import { type BodySettings, bodyKey } from '../node/articleBodies.ts';
import { type ContentCheck, runContentCheck, runContentCheckInParallel } from '../node/runContentCheck.ts';
import { checkerDigest } from '../node/rendererDigest.ts';
import type { CheckedArticle, CheckResult } from '../lib/checkArticles.ts';
import { parseClaimReference } from '../schemas/slug.ts';

/**
 * The one owner of the checked content. The content-check integration checks every article once and
 * publishes the result here; the markdown plugins and the pages read it instead of checking again.
 * It lives on a process-wide symbol because Astro loads the config's modules and the pages' modules
 * separately, in one process.
 */
interface CheckedContent {
  root: string;
  dir: string;
  /** Whether drafts are published too (`astro dev`) or left out (`astro build`). */
  drafts: boolean;
  /** Each article by its file's absolute path: the checked article, its body (the frontmatter's lines left blank) and frontmatter (JSON). */
  byPath: Map<string, { article: CheckedArticle; body: string; frontmatter: string }>;
  /** The articles to publish: every one in dev, all but drafts in a build. */
  articles: CheckedArticle[];
  index?: ReferenceIndex;
  digest?: string;
}

const STORE = Symbol.for('standpoint.checkedContent');
const global = globalThis as { [STORE]?: CheckedContent };

/**
 * Checks every article of `dir` (the one check of a build) and, when nothing is wrong, publishes the
 * checked articles for the markdown plugins and the pages. Returns every issue either way.
 */
export function checkContent(root: string, dir = articlesDir(), { drafts = false }: { drafts?: boolean } = {}): CheckResult {
  return publish(runContentCheck(dir, root), root, dir, drafts);
}

/**
 * `checkContent` with the files shared out between threads (`runContentCheckInParallel`): the check that starts a
 * build or the dev server. With `bodies`, each thread also renders the bodies it checked into the cache folder,
 * for the content loader (`node/articleBodies.ts`); the result says how many (`bodies`). The cache folder then also
 * keeps each file's check, and a file whose text is unchanged is not checked again (`node/checkMemo.ts`).
 */
export async function checkContentInParallel(
  root: string,
  dir = articlesDir(),
  { drafts = false, bodies }: { drafts?: boolean; bodies?: BodySettings } = {},
): Promise<ContentCheck> {
  // The cache folder keeps each file's check for the next build (`node/checkMemo.ts`): only changed files are checked again.
  // Its key: the checker's code, the project and the folder (a file's path in messages is relative to the project), and
  // Node's version (its Unicode tables decide what some checks match).
  const key = [checkerDigest(root), root, resolve(root, dir), process.version].join('\n');
  const memo = bodies && { path: join(bodies.cacheDir, 'content-check.v8'), key };
  return publish(await runContentCheckInParallel(dir, root, { render: bodies && { settings: bodies, drafts }, memo }), root, dir, drafts);
}

function publish(result: ContentCheck, root: string, dir: string, drafts: boolean): ContentCheck {
  if (hasErrors(result.issues)) return result;
  const published = drafts ? result.articles : result.articles.filter((article) => !article.data.draft);
  if (!drafts) result.issues.push(...answersToDrafts(result.articles));
  const sources = new Map(result.sources.map((source) => [source.slug, source]));
  const byPath = new Map(
    result.articles.map((article) => {
      const source = sources.get(article.slug)!;
      return [resolve(root, article.file), { article, body: source.body, frontmatter: JSON.stringify(source.data) }] as const;
    }),
  );
  global[STORE] = { root, dir, drafts, byPath, articles: published };
  return result;
}

/** A published article answering a claim of a draft: the answer's link waits until the draft is published. */
function answersToDrafts(articles: readonly CheckedArticle[]): ContentIssue[] {
  const drafts = new Set(articles.filter((article) => article.data.draft).map((article) => article.slug));
  return articles
    .filter((article) => !article.data.draft)
    .flatMap((article) =>
      article.data.claims.flatMap((claim, index) =>
        claim.respondsTo
          .filter((reference) => drafts.has(parseClaimReference(reference).article ?? ''))
          .map((reference) => ({
            severity: 'warning' as const,
            file: article.file,
            entry: `claims[${index}] "${claim.id}"`,
            message: `respondsTo: "${reference}" is a claim of a draft, which this build does not publish; the link to it is left out`,
            fix: 'publish the draft (remove `draft: true`) to show the answer both ways',
          })),
      ),
    );
}

/** Checks and publishes, or throws every issue: for a reader that finds nothing published (a page, a re-check in dev). */
function checkOrThrow(root: string, dir?: string, drafts?: boolean): CheckedContent {
  const { issues } = checkContent(root, dir, { drafts });
  if (hasErrors(issues)) throw new ContentError(issues);
  return global[STORE]!;
}

function current(): CheckedContent {
  return global[STORE] ?? checkOrThrow(process.cwd());
}

/**
 * The checked article a rendered file is, or undefined if it is no article. The loader renders the bodies
 * the gate checked; a body that is not the one checked (a file rendered some other way after an edit) is
 * checked again first.
 */
export function lookupArticle(file: VFile): IndexedArticle | undefined {
  if (!file.path) return undefined;
  const path = resolve(file.path);
  let store = current();
  let entry = store.byPath.get(path);
  if (entry && entry.body.trim() !== String(file.value).trim()) {
    store = checkOrThrow(store.root, store.dir, store.drafts);
    entry = store.byPath.get(path);
  }
  return entry ? indexArticle(entry.article) : undefined;
}

/** An article to render: its slug, its file (absolute), its checked body and what its page is made of. */
export interface PublishedFile {
  slug: string;
  path: string;
  /** The body as checked, the frontmatter's lines left blank. */
  body: string;
  /** The checked frontmatter (as JSON) and body: what the rendered page is made of. */
  key: string;
}

/** Every published article's file, in the gate's order: what the content loader renders. */
export function publishedFiles(): PublishedFile[] {
  const store = current();
  const slugs = new Set(store.articles.map((article) => article.slug));
  return [...store.byPath]
    .filter(([, entry]) => slugs.has(entry.article.slug))
    .map(([path, { article, frontmatter, body }]) => ({ slug: article.slug, path, body, key: bodyKey(frontmatter, body) }));
}

/** The cross-reference index of every checked article, built once and shared by all pages. */
export function getReferenceIndex(): ReferenceIndex {
  const store = current();
  store.index ??= buildReferenceIndex(store.articles);
  return store.index;
}

/**
 * A hash of everything the pages are made from: every checked article's frontmatter and body, and
 * whether drafts are published. Each prerendered route returns it as its `cacheKey`, so Astro's
 * incremental build (`experimental.incrementalBuild`) reuses a page from the last build only when no
 * article changed; the templates are covered by Astro's own hash of the page's modules, and the site's
 * address by its hash of the config. One key for all pages: an article's page also shows the claims
 * that answer it, and a party page the names every article gives the party, so any change re-renders all.
 */
export function contentDigest(): string {
  const store = current();
  if (store.digest) return store.digest;
  const { siteUrl, basePath, markdown } = env;
  const hash = createHash('sha256').update(JSON.stringify({ drafts: store.drafts, siteUrl, basePath, markdown }));
  for (const path of [...store.byPath.keys()].sort()) {
    const { frontmatter, body } = store.byPath.get(path)!;
    hash.update(`${path}\n${frontmatter}\n${body.length}\n${body}\n`);
  }
  store.digest = hash.digest('hex');
  return store.digest;
}
