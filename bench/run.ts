// The benchmark (issues 5 and 10): builds synthetic corpora with Standpoint, Standpoint on Sätteri, a bare Astro
// MDX site and Starlight; rebuilds Standpoint warm; weighs the seed's article page; runs Lighthouse on it; writes
// bench/RESULTS.md.
// Usage: npm run bench [-- --quick | --scale] [-- --repeats N] [-- --sizes 1,100] [-- --no-lighthouse] [-- --no-profile]
//        [-- --no-rebuild | --rebuild] [-- --sites standpoint,bare (scale only)]
// See bench/README.md. The parts: options.ts (flags), builds.ts (sites and one measured build), lighthouse.ts,
// profile.ts (content check timing, CPU profile), report.ts and scale-report.ts (RESULTS.md).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type Build, build, distDir, ensureWorkspaces, noSocial, rssMethod, site, sites, snapshotSite } from './builds.ts';
import { log, mb, median, secs, seedPage, work } from './common.ts';
import { writeCorpus } from './corpus.ts';
import { lighthouse, type LighthouseResult } from './lighthouse.ts';
import { parseOptions } from './options.ts';
import { contentCheckMs, profile } from './profile.ts';
import { writeResults } from './report.ts';
import { writeScaleResults } from './scale-report.ts';
import { pageWeight, type PageWeight } from '../src/node/pageWeight.ts';

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const { sizes, repeatsFor, mode } = options;
  const chosen = sites.filter((s) => options.sites.includes(s.key));
  if (!chosen.some((s) => s.key === 'standpoint') || chosen.length !== options.sites.length)
    throw new Error(`--sites: a comma-separated list of ${sites.map((s) => s.key).join(', ')}, with standpoint`);
  const t0 = performance.now();
  const loadBefore = loadavg()[0]!;
  mkdirSync(work, { recursive: true });
  ensureWorkspaces();
  snapshotSite();
  const method = rssMethod();
  log(`${mode} run: sizes ${sizes.join(', ')}; peak RSS via ${method === 'time' ? '/usr/bin/time -v' : '/proc VmHWM sampling'}`);

  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const builds: Build[] = [];
  const report = (b: Build, label: string) =>
    log(
      `${label.padEnd(30)} ${String(b.size).padStart(5)} articles #${b.repeat}: ${secs(b.wallMs)}, ${mb(b.rssBytes)} RSS, ${b.pages} pages (load ${b.loadBefore.toFixed(1)})`,
    );
  for (const size of sizes) {
    writeCorpus(size, join(work, `corpus-${size}`));
    for (let repeat = 1; repeat <= repeatsFor(size); repeat++) {
      // Rotate the order each repeat so drift on a shared machine does not always favour one site.
      const order = chosen.map((_, i) => chosen[(i + repeat - 1) % chosen.length]!);
      for (const s of order) {
        const b = await build(s, size, repeat, { method });
        builds.push(b);
        report(b, s.label);
      }
    }
  }
  // Warm rebuilds: Standpoint's cache folder at the largest size is the one its last cold build filled.
  if (options.rebuild) {
    for (let repeat = 1; repeat <= repeatsFor(largest); repeat++) {
      const b = await build(site('standpoint'), largest, repeat, { method, warm: true });
      builds.push(b);
      report(b, 'Standpoint, warm rebuild');
    }
  }

  if (mode === 'scale') {
    writeScaleResults({ options, builds, method, totalMs: performance.now() - t0, load: [loadBefore, loadavg()[0]!] });
    log(`wrote the scale section of bench/RESULTS.md (raw figures in bench/.work/results-scale.json) in ${secs(performance.now() - t0)}`);
    return;
  }

  const weights = new Map<string, PageWeight>();
  for (const s of sites)
    for (const size of new Set([smallest, largest])) weights.set(`${s.key}-${size}`, pageWeight(distDir(s, size), seedPage));

  const lighthouseResults = new Map<string, LighthouseResult[]>();
  if (options.lighthouse) {
    for (let run = 1; run <= options.lighthouseRuns; run++) {
      for (const key of ['standpoint', 'bare', 'starlight']) {
        mkdirSync(join(work, 'lighthouse'), { recursive: true });
        const result = await lighthouse(distDir(site(key), smallest), join(work, 'lighthouse', `${key}-${run}.json`));
        lighthouseResults.set(key, [...(lighthouseResults.get(key) ?? []), result]);
        log(
          `Lighthouse ${key} #${run}: ${result.performance}/${result.accessibility}/${result.bestPractices}/${result.seo}, LCP ${secs(result.lcpMs)}`,
        );
      }
    }
  }

  const checks: number[] = [];
  for (let i = 0; i < (mode === 'quick' ? 1 : 3); i++) checks.push(contentCheckMs(join(work, `corpus-${largest}`, 'standpoint')));
  const checkMs = median(checks);
  log(`content check of ${largest} articles: ${checkMs.toFixed(0)} ms`);
  const profileTotals = options.profile ? await profile(largest, method) : undefined;
  let noSocialBuild: Build | undefined;
  if (options.profile) {
    noSocialBuild = await build(noSocial, largest, 1, { method });
    report(noSocialBuild, noSocial.label);
  }

  writeResults({
    options,
    builds,
    weights,
    lighthouseResults,
    checkMs,
    profileTotals,
    noSocialBuild,
    smallest,
    largest,
    method,
    totalMs: performance.now() - t0,
    load: [loadBefore, loadavg()[0]!],
  });
  log(`wrote bench/RESULTS.md (raw figures in bench/.work/results.json) in ${secs(performance.now() - t0)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
