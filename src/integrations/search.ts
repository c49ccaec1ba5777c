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
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { getReferenceIndex } from '../site/contentGate.ts';
import type { ReferenceIndex } from '../lib/referenceIndex.ts';
import { claimsIndexFolder, claimsIndexFolders, quickRecords, searchRecords } from '../lib/searchRecords.ts';
import { env } from '../node/env.ts';

/** The folder of the built site the search index goes in: `<base>pagefind/`, the quick index. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Files of Pagefind's bundle the site does not use: its ready-made interfaces (they need inline styles
 * the Content-Security-Policy forbids; /search/ has its own), the highlight script, and the web worker
 * (the page runs Pagefind on its main thread: one request less, and no policy needed for a worker).
 */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)|wasm\.unknown\.pagefind)$/;
/** The claims index is searched by the quick index's `pagefind.js` (an instance with its own folder). */
const UNUSED_IN_CLAIMS = /^pagefind\.js$/;
/** A later part of the claims index is merged into the first (`mergeIndex`), which lends it its WebAssembly. */
const UNUSED_IN_MERGED = /^(pagefind\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Pagefind writes one fragment file per record (21,067 in the claims index at 1,000 articles) unless told to
 * bundle them into at most this many shared files: hosts cap the files of a deployment (Cloudflare Pages at
 * 20,000, the whole site). Each result shown fetches its record's bundle, so bundles stay small.
 */
export const MAX_FRAGMENT_FILES = 5000;

/**
 * A built index, written by Pagefind into a folder of its own until the site's folder is written. Pagefind
 * writes the files itself: asking its Node API for them (`getFiles`) sends every file through a pipe as
 * base64 JSON, which held several copies of the index in the build's heap (at 10,000 articles the build
 * ran out of memory there).
 */
export interface SearchBundle {
  records: number;
  /** The folder Pagefind wrote the index in, or the cache's copy of it. */
  dir: string;
  /** The files the site uses, relative to `dir`, sorted. */
  files: string[];
  /** Whether `dir` is the cache's (linked or copied into the site, kept) rather than a temporary folder (moved, removed). */
  cached?: boolean;
}

/** Every file under `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The two indexes of the search page, and the time from the first record sent to the last file received. */
export interface SearchBundles {
  quick: SearchBundle;
  /** The claims index in parts of at most `perPart` records, in their order; they go in `claimsIndexFolders`. */
  claims: SearchBundle[];
  ms: number;
  /** Whether both came from the cache folder (the same records as a build before). */
  cached: boolean;
}

/** Pagefind's version, from its package.json (not among the files it exports): a new version may write other files. */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/** A hash of everything an index's files are made from: Pagefind's version, its options and every record, in order. */
export function searchKey(
  quick: readonly pagefind.CustomRecord[],
  claims: readonly pagefind.CustomRecord[],
  { maxFragments, perPart }: { maxFragments: number; perPart: number },
): string {
  const hash = createHash('sha256').update(
    JSON.stringify({
      pagefind: PAGEFIND_VERSION,
      maxFragments,
      perPart,
      unused: [UNUSED.source, UNUSED_IN_CLAIMS.source, UNUSED_IN_MERGED.source],
    }),
  );
  for (const records of [quick, claims]) {
    hash.update(`\n${records.length}\n`);
    for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  }
  return hash.digest('hex');
}

/**
 * The folder of the cache that keeps the last indexes built (`<cache>/search/<key>/`, one key at a time: a
 * rebuild whose records are the same copies them instead of indexing again, the longest step of a rebuild).
 */
function cachedBundles(cacheDir: string, key: string, records: { quick: number; claims: number[] }): Omit<SearchBundles, 'ms'> | undefined {
  const dir = join(cacheDir, 'search', key);
  if (!existsSync(join(dir, 'files.json'))) return undefined;
  const files = JSON.parse(readFileSync(join(dir, 'files.json'), 'utf8')) as { quick: string[]; claims: string[][] };
  return {
    quick: { records: records.quick, dir: join(dir, 'quick'), files: files.quick, cached: true },
    claims: files.claims.map((part, i) => ({
      records: records.claims[i]!,
      dir: join(dir, claimsIndexFolder(i)),
      files: part,
      cached: true,
    })),
    cached: true,
  };
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

/** Keeps both indexes (hard links to the built files) under their key, replacing any other (written whole, then renamed). */
function keepBundles(cacheDir: string, key: string, bundles: Pick<SearchBundles, 'quick' | 'claims'>): void {
  const root = join(cacheDir, 'search');
  rmSync(root, { recursive: true, force: true });
  const staging = join(root, `${key}.${process.pid}.tmp`);
  const makeFolder = folderMaker();
  const named = [['quick', bundles.quick] as const, ...bundles.claims.map((part, i) => [claimsIndexFolder(i), part] as const)];
  for (const [name, bundle] of named) {
    for (const file of bundle.files) {
      makeFolder(join(staging, name, file));
      linkOrCopy(join(bundle.dir, file), join(staging, name, file));
    }
  }
  const files = { quick: bundles.quick.files, claims: bundles.claims.map((part) => part.files) };
  writeFileSync(join(staging, 'files.json'), JSON.stringify(files));
  renameSync(staging, join(root, key));
}

export interface SearchIndexStats {
  records: number;
  files: number;
  bytes: number;
}

/**
 * At most this many records wait for Pagefind's answer at a time. Sending every record at once held every
 * message and every answer in the build's heap until the last one came back: with the 210,000 records of a
 * 10,000-article site, the build ran out of JavaScript heap while it rendered the pages.
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

/** Pagefind's Node API: one module instance drives one Pagefind process. */
type PagefindService = Pick<typeof pagefind, 'createIndex' | 'close'>;

/**
 * Pagefind processes to index with, one per core up to `wanted`: Pagefind's process indexes on one core, and
 * each index is built in one process (its records taken from one pipe, in order: the same files every build).
 * The module keeps one process per instance, so each further one is the module loaded again under its own URL.
 */
export async function pagefindServices(wanted: number): Promise<PagefindService[]> {
  const count = Math.max(1, Math.min(wanted, availableParallelism()));
  const url = import.meta.resolve('pagefind');
  return [
    pagefind,
    ...(await Promise.all(
      Array.from({ length: count - 1 }, (_, i) => import(/* @vite-ignore */ `${url}?process=${i + 2}`) as Promise<PagefindService>),
    )),
  ];
}

/**
 * Sends the records to a new index (Pagefind's service takes them from one pipe, in order) and has it write its
 * files into a new folder under `parent`: the cache folder when there is one, so that the files can be linked
 * into the cache and moved into the site without a copy (a temporary folder may be on another file system).
 */
async function indexRecords(
  service: PagefindService,
  records: readonly pagefind.CustomRecord[],
  maxFragments: number,
  unused: RegExp,
  parent: string,
): Promise<SearchBundle> {
  const { index, errors } = await service.createIndex({ forceLanguage: 'en', maxFragments });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    await addRecords(index, records);
    mkdirSync(parent, { recursive: true });
    const dir = mkdtempSync(join(parent, 'standpoint-search-'));
    const { errors: writeErrors } = await index.writeFiles({ outputPath: dir });
    if (writeErrors.length > 0) throw new Error(`Pagefind could not write the index: ${writeErrors.join('; ')}`);
    const files: string[] = [];
    for (const path of listFiles(dir).sort()) {
      if (UNUSED.test(path) || unused.test(path)) rmSync(join(dir, path));
      else files.push(path);
    }
    return { records: records.length, dir, files };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Indexes the reference with Pagefind twice and returns the files of both bundles: the quick index (one record
 * per article, its claims inside it, and per party: `quickRecords`), which a search uses until the reader asks
 * for the facets, and the claims index (one record per claim, article and party, with the facets' filters:
 * `searchRecords`). Each index goes through one Pagefind process, which indexes it one record after another in
 * the order sent: the built files are the same on every build. The quick index and the claims index (or its
 * parts, in turn) have a process each, up to one per core: Pagefind's process indexes on one core, and one process
 * for both made the build wait for it at the end.
 */
export async function buildSearchIndexes(
  reference: ReferenceIndex,
  {
    maxFragments = MAX_FRAGMENT_FILES,
    cacheDir,
    perPart = env.searchShardRecords,
  }: { maxFragments?: number; cacheDir?: string; perPart?: number } = {},
): Promise<SearchBundles> {
  const started = performance.now();
  const quickList = quickRecords(reference);
  const claimsList = searchRecords(reference);
  const parts = claimsIndexFolders(claimsList.length, perPart).map((_, i) => claimsList.slice(i * perPart, (i + 1) * perPart));
  const key = cacheDir ? searchKey(quickList, claimsList, { maxFragments, perPart }) : undefined;
  const counts = { quick: quickList.length, claims: parts.map((part) => part.length) };
  const kept = cacheDir && key ? cachedBundles(cacheDir, key, counts) : undefined;
  if (kept) return { ...kept, ms: performance.now() - started };
  const parent = cacheDir ?? tmpdir();
  // The parts share the claims index's cap on fragment files: the whole site's count of files stays the same.
  const partFragments = Math.max(1, Math.floor(maxFragments / parts.length));
  const services = await pagefindServices(1 + parts.length);
  try {
    const [quick, ...claims] = await Promise.all([
      indexRecords(services[0]!, quickList, maxFragments, /$^/, parent),
      ...parts.map((part, i) =>
        indexRecords(services[(i + 1) % services.length]!, part, partFragments, i === 0 ? UNUSED_IN_CLAIMS : UNUSED_IN_MERGED, parent),
      ),
    ]);
    if (cacheDir && key) keepBundles(cacheDir, key, { quick, claims });
    return { quick, claims, ms: performance.now() - started, cached: false };
  } finally {
    await Promise.all(services.map((service) => service.close()));
  }
}

/** Moves a built index into `outDir`, and removes its folder (links or copies it from the cache, which keeps it). */
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
 * Writes both indexes into `outDir` (the built site's `pagefind/`): the quick one there, the claims one in
 * `claims/` (and its later parts in `claims-2/`…). The claims index's figures are its parts' added up.
 */
export function writeSearchBundles(
  bundles: SearchBundles,
  outDir: string,
): { quick: SearchIndexStats; claims: SearchIndexStats & { parts: number } } {
  const parts = bundles.claims.map((part, i) => writeSearchBundle(part, join(outDir, claimsIndexFolder(i))));
  const sum = (key: keyof SearchIndexStats) => parts.reduce((total, part) => total + part[key], 0);
  return {
    quick: writeSearchBundle(bundles.quick, outDir),
    claims: { records: sum('records'), files: sum('files'), bytes: sum('bytes'), parts: parts.length },
  };
}

/**
 * Indexes the site with Pagefind during the build, from the reference index the content gate built for the
 * pages (its records come from the checked data, not from the HTML): it starts at `astro:build:start`, so
 * Pagefind's process indexes on another core while Astro bundles and renders, and the files are written into
 * `dist/pagefind/` at `astro:build:done`, served under the base path (Pagefind's script finds its files beside
 * itself). `npm run build` alone produces it.
 */
export function search(): AstroIntegration {
  let pending: Promise<SearchBundles> | undefined;
  let cacheDir: string | undefined;
  return {
    name: 'standpoint:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        pending = buildSearchIndexes(getReferenceIndex(), { cacheDir });
        // Awaited (and any error thrown) at astro:build:done; until then a failure must not end the process.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitFrom = performance.now();
        const bundles = await (pending ?? buildSearchIndexes(getReferenceIndex(), { cacheDir }));
        const waited = performance.now() - waitFrom;
        const { quick, claims } = writeSearchBundles(bundles, join(fileURLToPath(dir), SEARCH_BUNDLE));
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        const size = (stats: SearchIndexStats) => `${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB`;
        const how = bundles.cached ? 'copied from the cache (the same records as the last build)' : 'indexed';
        const where =
          claims.parts === 1 ? `${SEARCH_BUNDLE}/claims/` : `${claims.parts} parts, ${SEARCH_BUNDLE}/claims/ to claims-${claims.parts}/`;
        logger.info(
          `${how}: ${quick.records} records (articles with their claims, parties; ${size(quick)} in ${SEARCH_BUNDLE}/) and ${claims.records} records (claims, articles, parties; ${size(claims)} in ${where}) in ${s(bundles.ms)} from the build's start, beside the pages; the build waited ${s(waited)} for them`,
        );
      },
    },
  };
}
