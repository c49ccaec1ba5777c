// The scale section of bench/RESULTS.md, written by `npm run bench -- --scale` (sizes 1,000 and 10,000 by default).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Build, sites, type RssMethod } from './builds.ts';
import { mb, ratio, secs, table, work } from './common.ts';
import type { Options } from './options.ts';
import {
  largestPage,
  loads,
  machineLine,
  met,
  peersLine,
  readResults,
  rssLine,
  runs,
  SCALE_END,
  SCALE_START,
  snapshotLine,
  stat,
  writeResultsFile,
} from './report.ts';

export interface ScaleReport {
  options: Options;
  builds: Build[];
  load: [number, number];
  method: RssMethod;
  totalMs: number;
}

export function writeScaleResults(r: ScaleReport) {
  const { sizes, command, repeatsFor } = r.options;
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  const S = (key: string, size: number, warm = false) => stat(r.builds, key, size, warm);
  const built = sites.filter((s) => r.options.sites.includes(s.key));

  const rows = sizes.flatMap((size) =>
    built.map((s) => {
      const st = S(s.key, size)!;
      return [
        s.label,
        String(size),
        runs(st),
        (st.wallMs / size).toFixed(0),
        mb(st.rss),
        mb(st.out),
        String(st.pages),
        largestPage(st),
        loads(st),
      ];
    }),
  );
  const buildTable = table(
    ['Site', 'Articles', 'Wall (runs)', 'ms / article', 'Peak RSS', 'Output', 'Pages', 'Largest HTML page: raw / gzip', 'Load at start'],
    rows,
  );

  const flatRows = built.map((s) => {
    const [a, b] = [S(s.key, small)!, S(s.key, large)!];
    return [
      s.label,
      (a.wallMs / small).toFixed(1),
      (b.wallMs / large).toFixed(1),
      ratio(b.wallMs / large, a.wallMs / small),
      ((b.wallMs - a.wallMs) / (large - small)).toFixed(1),
    ];
  });
  const flatTable = table(
    ['Site', `ms / article at ${small}`, `at ${large}`, 'Ratio', `Marginal ms per article, ${small} → ${large}`],
    flatRows,
  );

  const [sp, spSmall, sl] = [S('standpoint', large)!, S('standpoint', small)!, S('starlight', large)];
  const warm = S('standpoint', large, true);
  const warmLine = warm
    ? `Standpoint rebuilt at ${large} with its content and image caches kept: **${runs(warm)}**, ${mb(warm.rss)} peak RSS: ${ratio(warm.wallMs, sp.wallMs)} the cold build (${secs(sp.wallMs)}).\n\n`
    : '';
  const perArticle = (st: typeof sp, n: number) => st.wallMs / n;
  const targets = table(
    ['Target', 'Result', 'Measured'],
    [
      [
        `Standpoint builds ${large.toLocaleString('en')} articles on this machine`,
        met(true),
        `${secs(sp.wallMs)}, ${mb(sp.rss)} peak RSS, ${mb(sp.out)} output, ${sp.pages} pages`,
      ],
      [
        `ms / article flat from ${small.toLocaleString('en')} to ${large.toLocaleString('en')} (within 20 %)`,
        met(perArticle(sp, large) <= 1.2 * perArticle(spSmall, small)),
        `${perArticle(spSmall, small).toFixed(1)} ms at ${small}, ${perArticle(sp, large).toFixed(1)} ms at ${large} (${ratio(perArticle(sp, large), perArticle(spSmall, small))})`,
      ],
      ...(sl
        ? [
            [
              `Build at ${large} ≤ Starlight's wall time`,
              met(sp.wallMs <= sl.wallMs),
              `${secs(sp.wallMs)} = ${ratio(sp.wallMs, sl.wallMs)} Starlight (${secs(sl.wallMs)})`,
            ],
            [
              `Peak RSS at ${large} ≤ Starlight's`,
              met(sp.rss <= sl.rss),
              `${mb(sp.rss)} = ${ratio(sp.rss, sl.rss)} Starlight (${mb(sl.rss)})`,
            ],
          ]
        : []),
    ],
  );

  const scale = `${SCALE_START}
## At scale: ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} articles

- Date: ${new Date().toISOString().slice(0, 10)}
- Command: \`${command}\` (took ${secs(r.totalMs)})
- Machine: ${machineLine(r.load)}
- ${snapshotLine()}
- Peers: ${peersLine()}
- Sites: ${built.map((s) => s.label).join(', ')}; ${sizes.map((s) => `${repeatsFor(s)} run(s) at ${s}`).join(', ')} per site, cold (output and caches removed first)${warm ? ' except the warm rebuild' : ''}; no Lighthouse, no profile. Peak RSS: ${rssLine(r.method)}.

${buildTable}

${flatTable}

${warmLine}${targets}
${SCALE_END}`;

  writeResultsFile({ ...readResults(), scale });
  writeFileSync(join(work, 'results-scale.json'), JSON.stringify(r, null, 2));
  console.log(`\n${buildTable}\n\n${flatTable}\n\n${targets}\n`);
}
