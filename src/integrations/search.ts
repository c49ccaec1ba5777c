import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * Pagefind writes one fragment file per record (21,067 at 1,000 articles) unless told to bundle them into at
 * most this many shared files: hosts cap the files of a deployment (Cloudflare Pages at 20,000, the whole site).
 * Each result the page shows fetches its record's bundle, so bundles stay small (about 4 records at 1,000 articles).
 */
export const MAX_FRAGMENT_FILES = 5000;

/** A built index, held in memory until the site's folder is written. */
export interface SearchBundle {
  records: number;
  /** Path relative to the bundle's folder, and content. */
  files: { path: string; content: Uint8Array }[];
  /** From the first record sent to the last file received. */
  ms: number;
}

export interface SearchIndexStats {
  records: number;
  files: number;
  bytes: number;
  ms: number;
}

/**
 * Indexes the reference with Pagefind, one record per claim, article and party (`src/lib/searchRecords.ts`),
 * and returns the files of the bundle the search page uses. Every record is sent at once: Pagefind's service
 * reads them from one pipe and indexes them one after another in that order, so the index (and the built
 * files) are the same on every build, and its process works while this one does something else.
 */
export async function buildSearchIndex(reference: ReferenceIndex, { maxFragments = MAX_FRAGMENT_FILES } = {}): Promise<SearchBundle> {
  const started = performance.now();
  const records = searchRecords(reference);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    added.forEach(({ errors: refused }, i) => {
      if (refused.length > 0) throw new Error(`Pagefind refused the record ${records[i]!.url}: ${refused.join('; ')}`);
    });
    const { files, errors: writeErrors } = await index.getFiles();
    if (writeErrors.length > 0) throw new Error(`Pagefind could not write the index: ${writeErrors.join('; ')}`);
    return { records: records.length, files: files.filter((file) => !UNUSED.test(file.path)), ms: performance.now() - started };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Writes a built index into `outDir` (the built site's `pagefind/`). */
export function writeSearchBundle(bundle: SearchBundle, outDir: string): SearchIndexStats {
  let bytes = 0;
  for (const file of bundle.files) {
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    bytes += file.content.byteLength;
  }
  return { records: bundle.records, files: bundle.files.length, bytes, ms: bundle.ms };
}

/** Indexes the reference and writes the bundle into `outDir`, in one go (the benchmark times it alone). */
export async function writeSearchIndex(reference: ReferenceIndex, outDir: string): Promise<SearchIndexStats> {
  return writeSearchBundle(await buildSearchIndex(reference), outDir);
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
  return {
    name: 'standpoint:search',
    hooks: {
      'astro:build:start': () => {
        pending = buildSearchIndex(getReferenceIndex());
        // Awaited (and any error thrown) at astro:build:done; until then a failure must not end the process.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitFrom = performance.now();
        const bundle = await (pending ?? buildSearchIndex(getReferenceIndex()));
        const waited = performance.now() - waitFrom;
        const stats = writeSearchBundle(bundle, join(fileURLToPath(dir), SEARCH_BUNDLE));
        const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
        logger.info(
          `indexed ${stats.records} records (claims, articles, parties) in ${s(stats.ms)} from the build's start, beside the pages; the build waited ${s(waited)} for it: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB in ${SEARCH_BUNDLE}/`,
        );
      },
    },
  };
}
