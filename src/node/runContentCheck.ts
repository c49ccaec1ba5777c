import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { filesNotRead, listArticleFiles, parseArticleText, readArticleText } from './articleFiles.ts';
import { checkAnswersAcrossArticles, checkSharedParties } from '../lib/checkAcrossArticles.ts';
import { type ArticleSource, checkArticle, type CheckedArticle, type CheckResult } from '../lib/checkArticles.ts';
import { type ContentIssue, hasErrors } from '../lib/contentIssues.ts';
import { type BodySettings, type BodyTrees, bodyFile, bodyFolder, bodyKey, renderBodies } from './articleBodies.ts';
import { type CheckMemo, loadCheckMemo, saveCheckMemo, textHash } from './checkMemo.ts';

export type ContentCheck = CheckResult & {
  sources: ArticleSource[];
  /** How many bodies the check's threads rendered into the cache folder (`render`), and on how many threads. */
  bodies?: { rendered: number; threads: number };
  /** With a memo: how many files were taken from it, and why it could not be kept, if it could not. */
  memo?: { reused: number; warning?: string };
};

/** Asks the check to render each checked article's body into the cache folder as well (`articleBodies.ts`). */
export interface RenderBodies {
  settings: BodySettings;
  /** Whether drafts are rendered too (`astro dev` shows them). */
  drafts: boolean;
}

/** Reads and checks every article of `dir`: the one entry point for `astro dev`'s re-checks, the build's tests and `npm run check:content`. */
export function runContentCheck(dir: string, root = process.cwd()): ContentCheck {
  return combine(dir, filesNotRead(dir, root), checkFiles(dir, root, listArticleFiles(resolve(root, dir))));
}

/**
 * Below this many articles per thread, a worker thread costs more than it saves: it loads the check's modules
 * (the YAML, Markdown and schema libraries) again, about half a second, before it reads its first file.
 */
export const MIN_FILES_PER_THREAD = 200;

/**
 * The same check as `runContentCheck`, the files shared out between this thread and worker threads (one per
 * core, at least `MIN_FILES_PER_THREAD` files each): each article is read and checked on its own, and the
 * checks across articles run once all are back. The result is the same, in the same order. The build's check
 * runs before anything else and held a core idle: at 1,000 articles it took 7.5 s on one thread.
 *
 * With `render`, once the whole check has passed, each thread renders the bodies of the articles it checked
 * into the cache folder (`articleBodies.ts`), which the content sync would otherwise do on one thread. A check
 * that fails renders nothing: the errors come as quickly as without it.
 *
 * With `memo`, a file whose text is the same as when the memo was kept is not checked again: its check is taken
 * from the memo (`checkMemo.ts`); only the other files are shared out. The memo is kept again after the check.
 */
export async function runContentCheckInParallel(
  dir: string,
  root = process.cwd(),
  {
    threads = availableParallelism(),
    minFilesPerThread = MIN_FILES_PER_THREAD,
    render,
    memo,
  }: { threads?: number; minFilesPerThread?: number; render?: RenderBodies; memo?: CheckMemo } = {},
): Promise<ContentCheck> {
  const names = listArticleFiles(resolve(root, dir));
  const known = memo ? loadCheckMemo(memo) : new Map<string, CheckedFile>();
  // A file whose body the build needs and the cache folder lacks is checked again: its body is then rendered from the
  // tree its check parses, on the check's threads.
  const rendered = (file: CheckedFile) =>
    !render ||
    !file.article ||
    (file.article.data.draft && !render.drafts) ||
    existsSync(join(bodyFolder(render.settings), bodyFile(render.settings, bodyKey(JSON.stringify(file.source!.data), file.source!.body))));
  const kept = unchangedFiles(dir, root, names, known, rendered);
  const todo = names.filter((name) => !kept.has(name));
  const count = Math.max(1, Math.min(threads, Math.floor(todo.length / minFilesPerThread)));
  const size = Math.ceil(todo.length / count);
  const chunks = Array.from({ length: count }, (_, i) => todo.slice(i * size, (i + 1) * size));
  const workers = chunks.slice(1).map((chunk) => new CheckWorker(dir, root, chunk));
  // The bodies this thread parses, for its renderer: each is parsed once per build.
  const trees: BodyTrees | undefined = render ? new Map() : undefined;
  try {
    const here = checkFiles(dir, root, chunks[0] ?? [], trees);
    const checked = new Map([
      ...kept,
      ...[here, ...(await Promise.all(workers.map((worker) => worker.checked)))].flat().map((file) => [file.name, file] as const),
    ]);
    const files = names.map((name) => checked.get(name)!);
    const result = combine(dir, filesNotRead(dir, root), files);
    if (memo) {
      const changed = kept.size < names.length || kept.size < known.size;
      result.memo = { reused: kept.size, warning: changed ? saveCheckMemo(memo, files) : undefined };
    }
    if (!render || hasErrors(result.issues)) return result;
    // This thread renders the bodies of the files it checked and of those the memo had (a body kept in the cache
    // folder from a build before is not rendered again).
    const mine = [...kept.values(), ...here];
    const rendered = await Promise.all([
      renderBodies(articlesOf(mine), sourcesOf(mine), render.settings, { drafts: render.drafts, trees }),
      ...workers.map((worker) => worker.render(render)),
    ]);
    return { ...result, bodies: { rendered: rendered.reduce((sum, n) => sum + n, 0), threads: count } };
  } finally {
    for (const worker of workers) worker.stop();
  }
}

/** One file of the folder, read and checked alone, with the issues of each step. */
export interface CheckedFile {
  /** Its name in the folder. */
  name: string;
  /** A hash of its text, once read (`textHash`): what the memo keeps its check under. */
  hash?: string;
  /** The source, once its frontmatter was read. */
  source?: ArticleSource;
  /** The article, if it passed its own checks. */
  article?: CheckedArticle;
  /** Why it could not be read as an article (its name, its place, its bytes, its frontmatter). */
  readIssues: ContentIssue[];
  checkIssues: ContentIssue[];
}

/**
 * Reads and checks the named files of `dir`, each alone (what a worker thread runs, `contentCheckWorker.ts`).
 * With `trees`, each body's syntax tree is kept there by its article's file, for `renderBodies` to start from.
 */
export function checkFiles(dir: string, root: string, names: readonly string[], trees?: BodyTrees): CheckedFile[] {
  return names.map((name) => {
    const readIssues: ContentIssue[] = [];
    const checkIssues: ContentIssue[] = [];
    const text = readArticleText(dir, root, name, readIssues);
    if (!text) return { name, readIssues, checkIssues };
    const source = parseArticleText(text, readIssues);
    const article = source && checkArticle(source, checkIssues, trees && ((tree) => trees.set(source.file, tree)));
    return { name, hash: textHash(text.text), source, article, readIssues, checkIssues };
  });
}

/**
 * The files the memo holds whose text is the same now (and that `usable` takes), by name. Every file is read again:
 * its name, its place in the folder and its bytes are checked again (`readArticleText`), and a file that fails them
 * is checked again.
 */
function unchangedFiles(
  dir: string,
  root: string,
  names: readonly string[],
  memo: ReadonlyMap<string, CheckedFile>,
  usable: (file: CheckedFile) => boolean,
): Map<string, CheckedFile> {
  const unchanged = new Map<string, CheckedFile>();
  if (memo.size === 0) return unchanged;
  for (const name of names) {
    const kept = memo.get(name);
    if (!kept) continue;
    const text = readArticleText(dir, root, name, []);
    if (text && textHash(text.text) === kept.hash && usable(kept)) unchanged.set(name, kept);
  }
  return unchanged;
}

/** The sources read, in the files' order. */
export const sourcesOf = (files: readonly CheckedFile[]): ArticleSource[] => files.flatMap((file) => (file.source ? [file.source] : []));
/** The articles that passed their own checks, in the files' order. */
export const articlesOf = (files: readonly CheckedFile[]): CheckedArticle[] =>
  files.flatMap((file) => (file.article ? [file.article] : []));

/**
 * A worker thread of the check (`contentCheckWorker.ts`): it checks its files and posts what it found
 * (`checked`), then waits to be asked to render the bodies of the articles it checked (`render`), or stopped.
 */
class CheckWorker {
  readonly checked: Promise<CheckedFile[]>;
  readonly #worker: Worker;
  #answer: { done: (value: unknown) => void; fail: (error: Error) => void } | undefined;
  /** Why the worker stopped, once it has: what any later question gets. */
  #exited: Error | undefined;

  constructor(dir: string, root: string, names: readonly string[]) {
    this.#worker = new Worker(new URL('./contentCheckWorker.ts', import.meta.url), { workerData: { dir, root, names } });
    this.checked = this.#next<CheckedFile[]>();
    // Awaited by the check; until then a worker's failure must not end the process.
    this.checked.catch(() => {});
    this.#worker.on('message', (message: unknown) => this.#answer?.done(message));
    this.#worker.on('error', (error: Error) => this.#answer?.fail(error));
    this.#worker.on('exit', (code) => {
      this.#exited = new Error(`the content check's worker stopped (exit code ${code}) before it answered`);
      this.#answer?.fail(this.#exited);
    });
  }

  /** The worker's next message (a failure if it has stopped). */
  #next<T>(): Promise<T> {
    return new Promise<T>((done, fail) => {
      if (this.#exited) fail(this.#exited);
      this.#answer = { done: done as (value: unknown) => void, fail };
    });
  }

  /** Has the worker render the bodies it checked; how many it rendered. */
  render(render: RenderBodies): Promise<number> {
    const rendered = this.#next<number>();
    this.#worker.postMessage(render);
    return rendered;
  }

  stop(): void {
    this.#answer = undefined;
    void this.#worker.terminate();
  }
}

/** The files' results in their order (the folder's issues, each file's reading, each article's check), then the checks across articles. */
function combine(dir: string, folderIssues: ContentIssue[], files: readonly CheckedFile[]): ContentCheck {
  const sources = sourcesOf(files);
  const articles = articlesOf(files);
  const issues = [
    ...folderIssues,
    ...files.flatMap((file) => file.readIssues),
    ...files.flatMap((file) => file.checkIssues),
    ...checkSharedParties(articles),
    ...checkAnswersAcrossArticles(articles, sources),
  ];
  if (sources.length === 0 && issues.length === 0) {
    issues.push({
      severity: 'error',
      file: dir,
      message: 'there are no articles (*.mdx) in this folder',
      fix: 'add an article, see "Adding an article" in the README',
    });
  }
  return { articles, sources, issues };
}
