// Paths and formatting shared by the benchmark's modules (see run.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_SLUG } from './corpus.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bench = join(root, 'bench');
export const work = join(bench, '.work');
/** A snapshot of the site taken at start: Astro writes `<root>/.astro/content-modules.mjs` whatever the cacheDir,
 * so a build in the checkout itself races with any other build there (tests, `npm run build`). */
export const siteCopy = join(work, 'site');
/** The same snapshot without src/pages/social (the 1200×630 PNG per article), for the analysis build. */
export const siteCopyNoSocial = join(work, 'site-nosocial');
export const node = process.execPath;
export const seedPage = `/articles/${SEED_SLUG}/`;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GB`
    : bytes >= 10 * 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(0)} MB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
export const log = (message: string) => console.log(`[bench] ${message}`);

export function table(head: string[], rows: string[][]): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
