import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getReferenceIndex } from '../site/contentGate.ts';
import type { ReferenceIndex } from '../lib/referenceIndex.ts';
import { searchRecords } from '../lib/searchRecords.ts';

/** The folder of the built site the search index goes in: `<base>pagefind/`. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Files of Pagefind's bundle the site does not use: its ready-made interfaces (they need inline styles
 * the Content-Security-Policy forbids; /search/ has its own), the highlight script, and the web worker
 * (the page runs Pagefind on its main thread: one request less, and no policy needed for a worker).
 */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)|wasm\.unknown\.pagefind)$/;

/**
 * Pagefind writes one fragment file per record (1,060 at 1,000 articles, 10,600 at 10,000) unless told to
 * bundle them into at most this many shared files: hosts cap the files of a deployment (Cloudflare Pages at
 * 20,000, the whole site). Each result shown fetches its record's bundle, so bundles stay small.
 */
export const MAX_FRAGMENT_FILES = 5000;

/**
 * A built index, written by Pagefind into a folder of its own until the site's folder is written. Pagefind
 * writes the files itself: asking its Node API for them (`getFiles`) sends every file through a pipe as
 * base64 JSON, which held several copies of the index in the build's heap.
 */
export interface SearchBundle {
  records: number;
  /** The folder Pagefind wrote the index in, or the cache's copy of it. */
  dir: string;
  /** The files the site uses, relative to `dir`, sorted. */
  files: string[];
  /** Whether `dir` is the cache's (linked or copied into the site, kept) rather than a temporary folder (moved, removed). */
  cached: boolean;
  /** The time from the first record sent to the last file received (or to the cache's copy found). */
  ms: number;
}

/** Every file under `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Pagefind's version, from its package.json (not among the files it exports): a new version may write other files. */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/** A hash of everything the index's files are made from: Pagefind's version, its options and every record, in order. */
export function searchKey(records: readonly pagefind.CustomRecord[], { maxFragments }: { maxFragments: number }): string {
  const hash = createHash('sha256').update(JSON.stringify({ pagefind: PAGEFIND_VERSION, maxFragments, unused: UNUSED.source }));
  hash.update(`\n${records.length}\n`);
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex');
}

/**
 * The folder of the cache that keeps the last index built (`<cache>/search/<key>/`, one key at a time: a rebuild
 * whose records are the same copies it instead of indexing again, the longest step of a rebuild).
 */
function cachedBundle(cacheDir: string, key: string, records: number): Omit<SearchBundle, 'ms'> | undefined {
  const dir = join(cacheDir, 'search', key);
  if (!existsSync(join(dir, 'files.json'))) return undefined;
  const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as string[];
  return { records, dir: join(dir, 'index'), files, cached: true };
}

/**
 * Puts `from` at `to` as a hard link (no bytes copied: the index is thousands of files, and copying them held
 * up the build's main thread for seconds), or as a copy where links are not possible (another file system).
 * Whatever was at `to` is removed first: a link needs a free name, and a copy over an older build's file would
 * write into every name that file has. Pagefind's files are never changed in place, by Pagefind or by the
 * build, so the cache and the site may share them.
 */
export function linkOrCopy(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Creates the folder of each file it is given, once per folder (the index has a few folders and thousands of files). */
function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const dir = dirname(file);
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

/** Keeps the index (hard links to the built files) under its key, replacing any other (written whole, then renamed). */
function keepBundle(cacheDir: string, key: string, bundle: SearchBundle): void {
  const root = join(cacheDir, 'search');
  rmSync(root, { recursive: true, force: true });
  const staging = join(root, `${key}.${process.pid}.tmp`);
  const makeFolder = folderMaker();
  for (const file of bundle.files) {
    makeFolder(join(staging, 'index', file));
    linkOrCopy(join(bundle.dir, file), join(staging, 'index', file));
  }
  writeFileSync(join(staging, 'files.json'), JSON.stringify(bundle.files));
  renameSync(staging, join(root, key));
}

export interface SearchIndexStats {
  records: number;
  files: number;
  bytes: number;
}

/**
 * At most this many records wait for Pagefind's answer at a time. Sending every record at once held every
 * message and every answer in the build's heap until the last one came back: with the 210,000 records a
 * 10,000-article site once had, the build ran out of JavaScript heap while it rendered the pages.
 */
export const RECORDS_IN_FLIGHT = 500;

/** Adds the records in their order (Pagefind's service takes them from one pipe: the same files every build), a few hundred at a time. */
async function addRecords(index: pagefind.PagefindIndex, records: readonly pagefind.CustomRecord[]): Promise<void> {
  let next = 0;
  const sender = async () => {
    while (next < records.length) {
      const record = records[next++]!;
      const { errors } = await index.addCustomRecord(record);
      if (errors.length > 0) throw new Error(`Pagefind refused the record ${record.url}: ${errors.join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(RECORDS_IN_FLIGHT, records.length) }, sender));
}

/**
 * Indexes the reference with Pagefind (`searchRecords`: one record per article, its claims inside it with their
 * facet values, and one per party) and returns the index's files. Pagefind's process indexes on another core, one
 * record after another in the order sent: the built files are the same on every build. They are written into a new
 * folder under the cache folder when there is one, so that they can be linked into the cache and moved into the
 * site without a copy (a temporary folder may be on another file system); a rebuild with the same records links
 * the kept files instead.
 */
export async function buildSearchIndex(
  reference: ReferenceIndex,
  { maxFragments = MAX_FRAGMENT_FILES, cacheDir }: { maxFragments?: number; cacheDir?: string } = {},
): Promise<SearchBundle> {
  const started = performance.now();
  const records = searchRecords(reference);
  const key = cacheDir ? searchKey(records, { maxFragments }) : undefined;
  const kept = cacheDir && key ? cachedBundle(cacheDir, key, records.length) : undefined;
  if (kept) return { ...kept, ms: performance.now() - started };
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    await addRecords(index, records);
    const parent = cacheDir ?? tmpdir();
    mkdirSync(parent, { recursive: true });
    const dir = mkdtempSync(join(parent, 'standpoint-search-'));
    const { errors: writeErrors } = await index.writeFiles({ outputPath: dir });
    if (writeErrors.length > 0) throw new Error(`Pagefind could not write the index: ${writeErrors.join('; ')}`);
    const files: string[] = [];
    for (const path of listFiles(dir).sort()) {
      if (UNUSED.test(path)) rmSync(join(dir, path));
      else files.push(path);
    }
    const bundle: SearchBundle = { records: records.length, dir, files, cached: false, ms: performance.now() - started };
    if (cacheDir && key) keepBundle(cacheDir, key, bundle);
    return bundle;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Moves the built index into `outDir`, and removes its folder (links or copies it from the cache, which keeps it). */
export function writeSearchBundle(bundle: SearchBundle, outDir: string): SearchIndexStats {
  let bytes = 0;
  const makeFolder = folderMaker();
  for (const file of bundle.files) {
    const from = join(bundle.dir, file);
    const to = join(outDir, file);
    makeFolder(to);
    bytes += statSync(from).size;
    if (bundle.cached) {
      linkOrCopy(from, to);
      continue;
    }
    try {
      renameSync(from, to);
    } catch {
      // Another file system (the temporary folder on its own disk): copied instead.
      linkOrCopy(from, to);
    }
  }
  if (!bundle.cached) rmSync(bundle.dir, { recursive: true, force: true });
  return { records: bundle.records, files: bundle.files.length, bytes };
}

/**
 * Indexes the site with Pagefind during the build, from the reference index the content gate built for the
 * pages (its records come from the checked data, not from the HTML): it starts at `astro:build:start`, so
 * Pagefind's process indexes on another core while Astro bundles and renders, and the files are written into
 * `dist/pagefind/` at `astro:build:done`, served under the base path (Pagefind's script finds its files beside
 * itself). `npm run build` alone produces it.
 */
export function search(): AstroIntegration {
  let pending: Promise<SearchBundle> | undefined;
  let cacheDir: string | undefined;
  return {
    name: 'standpoint:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        pending = buildSearchIndex(getReferenceIndex(), { cacheDir });
        // Awaited (and any error thrown) at astro:build:done; until then a failure must not end the process.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitFrom = performance.now();
        const bundle = await (pending ?? buildSearchIndex(getReferenceIndex(), { cacheDir }));
        const waited = performance.now() - waitFrom;
        const stats = writeSearchBundle(bundle, join(fileURLToPath(dir), SEARCH_BUNDLE));
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        const how = bundle.cached ? 'copied from the cache (the same records as the last build)' : 'indexed';
        logger.info(
          `${how}: ${stats.records} records (articles with their claims, parties; ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB in ${SEARCH_BUNDLE}/) in ${s(bundle.ms)} from the build's start, beside the pages; the build waited ${s(waited)} for them`,
        );
      },
    },
  };
}
