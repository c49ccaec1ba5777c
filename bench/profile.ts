// Analysis: the content check timed alone, and a CPU profile of a Standpoint build summed by package and by function.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type RssMethod, site } from './builds.ts';
import { node, root, siteCopy, work } from './common.ts';

/** The content check as the build runs it (`runContentCheckInParallel`: this thread and a worker per core), timed alone in a fresh process. */
export function contentCheckMs(dir: string): number {
  const script = `import { runContentCheckInParallel } from ${JSON.stringify(join(root, 'src/node/runContentCheck.ts'))};
const t = performance.now(); await runContentCheckInParallel(${JSON.stringify(dir)}); console.log(performance.now() - t);`;
  // A file, not `-e`: the check's worker threads inherit the process's flags, and `--input-type` is refused for a file.
  const file = join(work, 'content-check-timing.mjs');
  writeFileSync(file, script);
  const result = spawnSync(node, [file], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`content check timing failed: ${result.stderr}`);
  return Number(result.stdout.trim().split('\n').pop());
}

/** Builds Standpoint once with --cpu-prof and sums self time by package (or src/ file). */
export interface Profile {
  byPlace: Array<[string, number]>;
  byFunction: Array<[string, number]>;
}

export async function profile(size: number, method: RssMethod): Promise<Profile> {
  const dir = join(work, 'profile');
  rmSync(dir, { recursive: true, force: true });
  await build(site('standpoint'), size, 0, { method, extraNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  return summarizeProfile(dir);
}

/** Sums the self time of the .cpuprofile files of `dir` by package or file, and by function. */
export function summarizeProfile(dir: string): Profile {
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  let all = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      nodes: Array<{ id: number; callFrame: { url: string; functionName: string } }>;
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    prof.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const url = frame.url.replace(/^file:\/\//, '');
      let key: string;
      if (!url)
        key =
          frame.functionName === '(garbage collector)'
            ? '(garbage collector)'
            : frame.functionName === '(idle)'
              ? '(idle)'
              : '(native/other)';
      else if (url.includes('node_modules/')) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
        key = m ? m[1]! : url;
      } else if (url.startsWith('node:')) key = '(node internals)';
      else if (url.includes('/.prerender/'))
        key = `built site: ${url.slice(url.lastIndexOf('/') + 1).replace(/_[\w-]{8}\.mjs$|\.mjs$/, '')}`;
      else if (/\.mdx($|\?)/.test(url)) key = '(article modules)';
      else key = relative(url.startsWith(siteCopy) ? siteCopy : root, url).replace(/\?.*$/, '');
      if (/^built site: (synthetic-article-\d+|pakistan-rejects)/.test(key)) key = '(article modules)';
      const dt = (prof.timeDeltas[i] ?? 0) / 1000;
      totals.set(key, (totals.get(key) ?? 0) + dt);
      const fn = `${frame.functionName || '(anonymous)'} — ${url ? url.slice(url.lastIndexOf('/') + 1).replace(/\?.*$/, '') : key}`;
      functions.set(fn, (functions.get(fn) ?? 0) + dt);
      all += dt;
    });
  }
  totals.set('(total)', all);
  const sort = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { byPlace: sort(totals), byFunction: sort(functions) };
}
