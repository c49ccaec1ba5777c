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

export interface SearchIndexStats {
  records: number;
  files: number;
  bytes: number;
  ms: number;
}

/**
 * Indexes the reference with Pagefind, one record per claim, article and party (`src/lib/searchRecords.ts`),
 * and writes the bundle the search page uses into `outDir` (the built site's `pagefind/`).
 */
export async function writeSearchIndex(reference: ReferenceIndex, outDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const records = searchRecords(reference);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    // One at a time, in the records' order: the index (and so the built files) is the same on every build.
    for (const record of records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`Pagefind refused the record ${record.url}: ${added.errors.join('; ')}`);
    }
    const { files, errors: writeErrors } = await index.getFiles();
    if (writeErrors.length > 0) throw new Error(`Pagefind could not write the index: ${writeErrors.join('; ')}`);
    let bytes = 0;
    let written = 0;
    for (const file of files) {
      if (UNUSED.test(file.path)) continue;
      const path = join(outDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      bytes += file.content.byteLength;
      written++;
    }
    return { records: records.length, files: written, bytes, ms: performance.now() - started };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/**
 * Indexes the built site with Pagefind once the pages are written (`astro:build:done`), from the reference
 * index the content gate built for the pages, into `dist/pagefind/`, served under the base path (Pagefind's
 * script finds its files beside itself). `npm run build` alone produces it.
 */
export function search(): AstroIntegration {
  return {
    name: 'standpoint:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await writeSearchIndex(getReferenceIndex(), join(fileURLToPath(dir), SEARCH_BUNDLE));
        logger.info(
          `indexed ${stats.records} records (claims, articles, parties) in ${(stats.ms / 1000).toFixed(1)} s: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB in ${SEARCH_BUNDLE}/`,
        );
      },
    },
  };
}
