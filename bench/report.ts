// Writes bench/RESULTS.md (and bench/.work/results.json) from a run's figures. Three parts of RESULTS.md have
// owners: the main tables (full and quick runs), the scale section (`--scale` runs, see scale-report.ts) and
// the hand-written notes below the notes marker. A run rewrites its own part and keeps the other two.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Build, site, sites, snapshotState, type RssMethod } from './builds.ts';
import { bench, kb, mb, median, ratio, secs, seedPage, table, work } from './common.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { Options } from './options.ts';
import type { Profile } from './profile.ts';
import type { PageWeight } from '../src/node/pageWeight.ts';

export interface Report {
  options: Options;
  builds: Build[];
  weights: Map<string, PageWeight>;
  lighthouseResults: Map<string, LighthouseResult[]>;
  checkMs: number;
  profileTotals?: Profile;
  noSocialBuild?: Build;
  load: [number, number];
  smallest: number;
  largest: number;
  method: RssMethod;
  totalMs: number;
}

export const RESULTS = join(bench, 'RESULTS.md');
export const NOTES_MARKER = '<!-- notes: everything below this line is kept when the benchmark rewrites this file -->';
export const SCALE_START = '<!-- scale: written by `npm run bench -- --scale`; other runs keep it -->';
export const SCALE_END = '<!-- /scale -->';

/** The three parts of RESULTS.md as it is now. */
export function readResults(): { main: string; scale: string; notes: string } {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const notesAt = text.indexOf(NOTES_MARKER);
  const notes = notesAt >= 0 ? text.slice(notesAt + NOTES_MARKER.length) : '\n';
  const [start, end] = [text.indexOf(SCALE_START), text.indexOf(SCALE_END)];
  const scale =
    start >= 0 && end > start
      ? text.slice(start, end + SCALE_END.length)
      : `${SCALE_START}\n## At scale\n\n_Not measured yet: \`npm run bench -- --scale\`._\n${SCALE_END}`;
  const mainEnd = start >= 0 ? start : text.indexOf('## Notes');
  return { main: mainEnd >= 0 ? text.slice(0, mainEnd).trimEnd() : text, scale, notes };
}

export function writeResultsFile(parts: { main: string; scale: string; notes: string }) {
  writeFileSync(RESULTS, `${parts.main.trimEnd()}\n\n${parts.scale}\n\n## Notes\n${NOTES_MARKER}${parts.notes}`);
}

/** Medians of one site's builds at one size (cold or warm). */
export function stat(builds: Build[], key: string, size: number, warm = false) {
  const bs = builds.filter((b) => b.site === key && b.size === size && b.warm === warm);
  if (bs.length === 0) return undefined;
  const m = (f: (b: Build) => number | undefined) => median(bs.map(f).filter((v): v is number => v !== undefined));
  const biggest = [...bs].sort((a, b) => b.largest.raw - a.largest.raw)[0]!.largest;
  return {
    n: bs.length,
    wallMs: m((b) => b.wallMs),
    // Builds recorded before the CPU was measured have none.
    cpuS: m((b) => b.cpuS),
    rss: m((b) => b.rssBytes),
    out: m((b) => b.outBytes),
    pages: m((b) => b.pages),
    sync: m((b) => b.phases.syncS),
    bundle: m((b) => b.phases.bundleS),
    render: m((b) => b.phases.renderS),
    walls: bs.map((b) => b.wallMs),
    cpus: bs.flatMap((b) => (b.cpuS === undefined ? [] : [b.cpuS])),
    loads: bs.map((b) => b.loadBefore),
    largest: biggest,
  };
}
export type Stat = NonNullable<ReturnType<typeof stat>>;

export const runs = (st: Stat) => `${secs(st.wallMs)} (${st.walls.map((w) => (w / 1000).toFixed(1)).join(', ')})`;
/** The CPU seconds of the builds (every process of each), or a dash for builds recorded without them. */
export const cpuRuns = (st: Stat) =>
  Number.isFinite(st.cpuS) ? `${st.cpuS.toFixed(1)} s (${st.cpus.map((c) => c.toFixed(1)).join(', ')})` : '–';
export const loads = (st: Stat) => {
  const [lo, hi] = [Math.min(...st.loads), Math.max(...st.loads)];
  return lo.toFixed(1) === hi.toFixed(1) ? lo.toFixed(1) : `${lo.toFixed(1)}–${hi.toFixed(1)}`;
};
export const largestPage = (st: Stat) => `${st.largest.path.replace(/index\.html$/, '')} ${kb(st.largest.raw)} / ${kb(st.largest.gzip)}`;
export const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

export function machineLine(load: [number, number]): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB memory, ${process.platform}; Node ${process.version}; 1-minute load average ${load[0].toFixed(1)} when the benchmark started (other work sharing the cores; at the end, with the benchmark's own load: ${load[1].toFixed(1)})`;
}

export function snapshotLine(): string {
  const { commit, dirty } = snapshotState;
  return `Standpoint at ${commit}${
    dirty
      ? ` with uncommitted changes in: ${dirty
          .split('\n')
          .map((l) => l.slice(3))
          .join(', ')}`
      : ''
  } (snapshot taken at the start)`;
}

export function peersLine(): string {
  const versions = (dir: string, pkgs: string[]) =>
    pkgs
      .map((p) => `${p} ${(JSON.parse(readFileSync(join(dir, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version}`)
      .join(', ');
  return `${versions(join(bench, 'bare'), ['astro', '@astrojs/mdx'])} (bare); ${versions(join(bench, 'starlight'), ['astro', '@astrojs/starlight'])} (Starlight)`;
}

export function rssLine(method: RssMethod): string {
  return method === 'time'
    ? '"Maximum resident set size" from `/usr/bin/time -v`, which runs the Astro process (`node astro.mjs build`) directly, so the figure is that process (GNU time reports the largest of it and any child it waited for)'
    : 'VmHWM sampled from /proc/<pid>/status of the Astro process every 50 ms';
}

const f2 = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} s` : '–');

export function writeResults(r: Report) {
  const { sizes, repeatsFor, mode, command } = r.options;
  const S = (key: string, size: number, warm = false) => stat(r.builds, key, size, warm);
  const L = r.largest;

  const buildRows = sizes.flatMap((size) =>
    sites.map((s) => {
      const st = S(s.key, size)!;
      return [
        s.label,
        String(size),
        runs(st),
        (st.wallMs / size).toFixed(0),
        cpuRuns(st),
        mb(st.rss),
        mb(st.out),
        String(st.pages),
        loads(st),
      ];
    }),
  );
  const buildTable = table(
    ['Site', 'Articles', 'Wall, median (runs)', 'ms / article', 'CPU, median (runs)', 'Peak RSS', 'Output', 'Pages', 'Load at start'],
    buildRows,
  );

  const ratioTable = table(
    [
      'Articles',
      'Time SP / bare',
      'Time SP / Starlight',
      'CPU SP / Starlight',
      'RSS SP / bare',
      'RSS SP / Starlight',
      'Time unified / Sätteri',
      'unified − Sätteri',
    ],
    sizes.map((size) => {
      const [sp, sa, bare, sl] = ['standpoint', 'satteri', 'bare', 'starlight'].map((k) => S(k, size)!) as [Stat, Stat, Stat, Stat];
      return [
        String(size),
        ratio(sp.wallMs, bare.wallMs),
        ratio(sp.wallMs, sl.wallMs),
        Number.isFinite(sp.cpuS) && Number.isFinite(sl.cpuS) ? ratio(sp.cpuS, sl.cpuS) : '–',
        ratio(sp.rss, bare.rss),
        ratio(sp.rss, sl.rss),
        ratio(sp.wallMs, sa.wallMs),
        secs(sp.wallMs - sa.wallMs),
      ];
    }),
  );

  const phaseTable = table(
    ['Site', 'Articles', 'Content sync + types', 'Vite bundle', 'Render static routes'],
    sizes.flatMap((size) =>
      sites.map((s) => {
        const st = S(s.key, size)!;
        return [s.label, String(size), f2(st.sync), f2(st.bundle), f2(st.render)];
      }),
    ),
  );

  const largestTable = table(
    ['Site', 'Largest HTML page', 'Raw', 'gzip'],
    sites.map((s) => {
      const st = S(s.key, L)!;
      return [s.label, `\`${st.largest.path.replace(/index\.html$/, '')}\``, kb(st.largest.raw), kb(st.largest.gzip)];
    }),
  );

  const warm = S('standpoint', L, true);
  const cold = S('standpoint', L)!;
  const warmLine = warm
    ? `Standpoint rebuilt at ${L} with its content and image caches kept (the cache folder of the cold build before; output removed): **${runs(warm)}**, ${mb(warm.rss)} peak RSS, phases (sync / bundle / render) ${f2(warm.sync)} / ${f2(warm.bundle)} / ${f2(warm.render)}: **${ratio(warm.wallMs, cold.wallMs)}** the cold median (${secs(cold.wallMs)}).\n\n`
    : '';
  const noSocialLine = r.noSocialBuild
    ? `Standpoint without social images (the same snapshot minus \`src/pages/social\`, one build at ${L}): **${secs(r.noSocialBuild.wallMs)}**, ${mb(r.noSocialBuild.rssBytes)} peak RSS, phases (sync / bundle / render) ${[r.noSocialBuild.phases.syncS, r.noSocialBuild.phases.bundleS, r.noSocialBuild.phases.renderS].map((v) => (v === undefined ? '–' : `${v.toFixed(2)} s`)).join(' / ')}, against the median ${secs(cold.wallMs)} with them.\n\n`
    : '';

  const weightRows: string[][] = [];
  for (const s of sites)
    for (const size of new Set([r.smallest, L])) {
      const w = r.weights.get(`${s.key}-${size}`)!;
      weightRows.push([
        s.label,
        String(size),
        `${kb(w.html.raw)} / ${kb(w.html.gzip)}`,
        `${kb(w.css.raw)} / ${kb(w.css.gzip)} (${w.css.files})`,
        `${kb(w.js.raw)} / ${kb(w.js.gzip)} (${w.js.files})${w.js.inlineRaw ? ` + ${kb(w.js.inlineRaw)} inline` : ''}`,
        kb(w.html.gzip + w.css.gzip),
        kb(w.html.gzip + w.css.gzip + w.js.gzip),
        String(w.requests),
      ]);
    }
  const weightTable = table(
    [
      'Site',
      'Build (articles)',
      'HTML raw / gzip',
      'CSS raw / gzip (files)',
      'JS raw / gzip (files)',
      'HTML+CSS gzip',
      'Total gzip',
      'Requests',
    ],
    weightRows,
  );

  const lh = (key: string) => {
    const runs = r.lighthouseResults.get(key);
    if (!runs?.length) return undefined;
    const m = (f: (x: LighthouseResult) => number) => median(runs.map(f));
    return {
      performance: m((x) => x.performance),
      accessibility: m((x) => x.accessibility),
      bestPractices: m((x) => x.bestPractices),
      seo: m((x) => x.seo),
      lcpMs: m((x) => x.lcpMs),
      requests: m((x) => x.requests),
      transfer: m((x) => x.transferBytes),
      failed: [...new Set(runs.flatMap((x) => x.failedAudits))],
      version: runs[0]!.lighthouse,
      n: runs.length,
    };
  };
  const lhRows = ['standpoint', 'bare', 'starlight'].flatMap((key) => {
    const x = lh(key);
    return x
      ? [
          [
            site(key).label,
            String(x.performance),
            String(x.accessibility),
            String(x.bestPractices),
            String(x.seo),
            secs(x.lcpMs),
            String(x.requests),
            kb(x.transfer),
            x.failed.join(', ') || '–',
          ],
        ]
      : [];
  });
  const lhTable = lhRows.length
    ? table(
        ['Site', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'LCP', 'Requests', 'Transfer', 'Audits below 1 (any run)'],
        lhRows,
      )
    : '_Lighthouse skipped._';

  // Targets
  const [sp, bare, sl] = [cold, S('bare', L)!, S('starlight', L)!];
  const wSmall = r.weights.get(`standpoint-${r.smallest}`)!;
  const wLarge = r.weights.get(`standpoint-${L}`)!;
  const total = (w: PageWeight) => w.html.raw + w.css.raw + w.js.raw;
  const spMid = sizes.includes(100) && L > 100 ? S('standpoint', 100) : undefined;
  const spLh = lh('standpoint');
  const targetTable = table(
    ['Target', 'Result', 'Measured'],
    [
      [
        'Article page weight does not grow with the number of articles',
        met(total(wLarge) <= total(wSmall)),
        `seed page at ${r.smallest}: ${kb(total(wSmall))} raw (${kb(wSmall.html.gzip + wSmall.css.gzip)} gzip); at ${L}: ${kb(total(wLarge))} raw (${kb(wLarge.html.gzip + wLarge.css.gzip)} gzip)`,
      ],
      [
        '0 bytes of JS',
        met(wLarge.js.raw + wLarge.js.inlineRaw === 0 && wSmall.js.raw + wSmall.js.inlineRaw === 0),
        `${wSmall.js.raw + wSmall.js.inlineRaw} bytes`,
      ],
      [
        'HTML + CSS gzip ≤ 14.6 KB (14,600 bytes) and ≤ 3 requests',
        met(wSmall.html.gzip + wSmall.css.gzip <= 14600 && wLarge.html.gzip + wLarge.css.gzip <= 14600 && wSmall.requests <= 3),
        `${(wSmall.html.gzip + wSmall.css.gzip).toLocaleString('en')} bytes, ${wSmall.requests} request(s)${spLh ? ` (Lighthouse saw ${spLh.requests})` : ''}`,
      ],
      [
        'Lighthouse 100 in all four categories',
        spLh
          ? met(spLh.performance === 100 && spLh.accessibility === 100 && spLh.bestPractices === 100 && spLh.seo === 100)
          : 'not measured',
        spLh ? `${spLh.performance}/${spLh.accessibility}/${spLh.bestPractices}/${spLh.seo}, LCP ${secs(spLh.lcpMs)}` : '',
      ],
      [
        `Issue 10: build at ${L} ≤ Starlight's wall time`,
        met(sp.wallMs <= sl.wallMs),
        `${secs(sp.wallMs)} = ${ratio(sp.wallMs, sl.wallMs)} Starlight (${secs(sl.wallMs)})`,
      ],
      [
        `Issue 10: peak RSS at ${L} ≤ Starlight's`,
        met(sp.rss <= sl.rss),
        `${mb(sp.rss)} = ${ratio(sp.rss, sl.rss)} Starlight (${mb(sl.rss)})`,
      ],
      [
        `Issue 10: warm rebuild at ${L} ≤ 0.5× the cold build`,
        warm ? met(warm.wallMs <= 0.5 * cold.wallMs) : 'not measured',
        warm ? `${secs(warm.wallMs)} = ${ratio(warm.wallMs, cold.wallMs)} cold (${secs(cold.wallMs)})` : 'run without --no-rebuild',
      ],
      [
        `Issue 5: build at ${L} ≤ 1.3× bare's time and below Starlight's`,
        met(sp.wallMs <= 1.3 * bare.wallMs && sp.wallMs < sl.wallMs),
        `${secs(sp.wallMs)} = ${ratio(sp.wallMs, bare.wallMs)} bare (${secs(bare.wallMs)}), ${ratio(sp.wallMs, sl.wallMs)} Starlight`,
      ],
      [
        `ms / article flat from 100 to ${L} (within 20 %)`,
        spMid ? met(sp.wallMs / L <= 1.2 * (spMid.wallMs / 100)) : 'not measured',
        spMid
          ? `${(spMid.wallMs / 100).toFixed(0)} ms at 100, ${(sp.wallMs / L).toFixed(0)} ms at ${L}; marginal cost ${((sp.wallMs - spMid.wallMs) / (L - 100)).toFixed(0)} ms per extra article (bare: ${((bare.wallMs - S('bare', 100)!.wallMs) / (L - 100)).toFixed(0)} ms)`
          : 'needs sizes 100 and above',
      ],
      [
        `Issue 5: peak memory at ${L} ≤ 1.2× bare`,
        met(sp.rss <= 1.2 * bare.rss),
        `${mb(sp.rss)} = ${ratio(sp.rss, bare.rss)} bare (${mb(bare.rss)})`,
      ],
    ],
  );

  const profileSection = r.profileTotals ? profileTables(r.profileTotals, L) : '';
  const main = `# Benchmark results

Generated by \`bench/run.ts\`; see [README.md](README.md) for what is measured and how.

- Date: ${new Date().toISOString().slice(0, 10)}
- Command: \`${command}\` (${mode} mode; took ${secs(r.totalMs)})
- Machine: ${machineLine(r.load)}
- ${snapshotLine()}
- Peers: ${peersLine()}
- Repeats: ${sizes.map((s) => `${repeatsFor(s)} at ${s}`).join(', ')}; figures are medians, ratios are between medians of this run. Every build is cold (output and content cache removed first) except the warm rebuilds named as such.
- Peak RSS: ${rssLine(r.method)}.
- CPU: user and system time of the build's process and every process under it (Astro's Node process with its worker threads, Pagefind's processes), each process's last reading from /proc/<pid>/stat, sampled every 100 ms (\`bench/cpuTime.ts\`). It moves less than wall time with what the machine's other tenants take: Standpoint keeps both cores busy, Starlight mostly one.
- Output is every file in the build folder; pages are its \`.html\` files. "Load at start" is the 1-minute load average when each build started. "Standpoint on Sätteri" is the same site with \`STANDPOINT_MARKDOWN=satteri\`: Astro's default Markdown processor instead of \`unified()\` + remark-gfm; it runs no rehype plugins, so its article pages lack the quote marks (\`rehypeClaimMarks\`).

## Builds

${buildTable}

## Ratios (same run)

${ratioTable}

SP = Standpoint. "unified − Sätteri" is what the remark/rehype pipeline (remark-gfm, rehypeClaimMarks) costs in wall time.

## Build phases (from Astro's log, medians)

${phaseTable}

${warmLine}${noSocialLine}Content check (\`runContentCheckInParallel\`, run by the integration at config setup, before the phases above: the files shared between the main thread and a worker per core) on the ${L}-article corpus, alone in a fresh process: **${r.checkMs.toFixed(0)} ms**.

Largest HTML page of each site's build at ${L} articles (raw / gzip level 9):

${largestTable}

${profileSection}
## Page weight: the seed's article page

\`${seedPage}\`, measured in the ${r.smallest}-article and the ${L}-article builds. gzip level 9, per file. Requests = the HTML, its stylesheets, its script files (following static imports) and icons/images it links.

${weightTable}

## Lighthouse (mobile), seed article page served on 127.0.0.1

Lighthouse ${lh('standpoint')?.version ?? ''} with Debian's Chromium, headless, mobile profile (simulated throttling), on the ${r.smallest}-article build served by a local static server with gzip; medians of ${lh('standpoint')?.n ?? 0} run(s).

${lhTable}

## Targets

${targetTable}

Targets are evaluated at the largest size of this run (${L}).`;

  writeResultsFile({ ...readResults(), main });
  writeFileSync(
    join(work, 'results.json'),
    JSON.stringify({ ...r, weights: Object.fromEntries(r.weights), lighthouseResults: Object.fromEntries(r.lighthouseResults) }, null, 2),
  );
  console.log(`\n${buildTable}\n\n${ratioTable}\n\n${weightTable}\n\n${lhTable}\n\n${targetTable}\n`);
}

function profileTables({ byPlace, byFunction }: Profile, size: number): string {
  const all = byPlace.find(([k]) => k === '(total)')![1];
  const rows = (list: Array<[string, number]>) =>
    list
      .filter(([k]) => k !== '(total)')
      .slice(0, 15)
      .map(([k, ms]) => [k.replace(/\|/g, '\\|'), `${(ms / 1000).toFixed(1)} s`, `${((100 * ms) / all).toFixed(0)} %`]);
  return `### CPU profile of the Standpoint build at ${size} articles

Self time from \`node --cpu-prof\` on one more build (the main thread and the exchange-map worker summed: its idle time is in "(idle)"; profiling slows the build, so read the shares, not the seconds). "built site: X" is Astro's bundle of the site's pages and components (chunk X); "(article modules)" the compiled MDX. Work on other threads (resvg and zlib on libuv's pool, Rolldown's threads) is not in it.

By package or file:

${table(['Where', 'Self time', 'Share'], rows(byPlace))}

By function:

${table(['Function — file', 'Self time', 'Share'], rows(byFunction))}
`;
}
