// The sites the benchmark builds, and one measured build: wall time, CPU time, peak RSS, output, Astro's phases.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { envFor } from '../src/node/env.ts';
import { bench, log, node, root, siteCopy, siteCopyNoSocial, work } from './common.ts';
import { sampleTreeCpu } from './cpuTime.ts';

export interface Site {
  key: string;
  label: string;
  cwd: string;
  corpus: 'standpoint' | 'plain';
  env: (articles: string, cache: string) => Record<string, string>;
}

export const sites: Site[] = [
  {
    key: 'standpoint',
    label: 'Standpoint',
    cwd: siteCopy,
    corpus: 'standpoint',
    env: (articles, cache) => envFor({ articlesDir: articles, cacheDir: cache }),
  },
  {
    key: 'satteri',
    label: 'Standpoint on Sätteri',
    cwd: siteCopy,
    corpus: 'standpoint',
    env: (articles, cache) => envFor({ articlesDir: articles, cacheDir: cache, markdown: 'satteri' }),
  },
  {
    key: 'bare',
    label: 'Bare Astro MDX',
    cwd: join(bench, 'bare'),
    corpus: 'plain',
    env: (a, c) => ({ BENCH_ARTICLES: a, BENCH_CACHE_DIR: c }),
  },
  {
    key: 'starlight',
    label: 'Starlight',
    cwd: join(bench, 'starlight'),
    corpus: 'plain',
    env: (a, c) => ({ BENCH_ARTICLES: a, BENCH_CACHE_DIR: c }),
  },
];
export const site = (key: string) => sites.find((s) => s.key === key)!;
export const noSocial: Site = { ...sites[0]!, key: 'nosocial', label: 'Standpoint without social images', cwd: siteCopyNoSocial };

export function ensureWorkspaces() {
  for (const name of ['bare', 'starlight', 'tools']) {
    const dir = join(bench, name);
    if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) continue;
    log(`installing bench/${name} (npm ci) ...`);
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ci failed in bench/${name}`);
  }
}

/** The commit and uncommitted changes of the sources when the snapshot was taken. */
export const snapshotState = { commit: '', dirty: '' };

/** Copies the site's sources (the working tree as it is now) to bench/.work/site, sharing node_modules. */
export function snapshotSite() {
  snapshotState.commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  snapshotState.dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.trimEnd();
  for (const dir of [siteCopy, siteCopyNoSocial]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(join(root, entry)))
        cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (path) => !/\.test\.ts$/.test(path) });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  rmSync(join(siteCopyNoSocial, 'src', 'pages', 'social'), { recursive: true, force: true });
}

/** How peak RSS is measured: GNU time's "Maximum resident set size", or sampling /proc/<pid>/status VmHWM. */
export type RssMethod = 'time' | 'proc';
export function rssMethod(): RssMethod {
  if (existsSync('/usr/bin/time')) return 'time';
  log('/usr/bin/time is missing; trying `apt-get install -y time` ...');
  if (process.getuid?.() === 0) spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
  if (existsSync('/usr/bin/time')) return 'time';
  log('GNU time unavailable: sampling VmHWM from /proc instead (install the Debian package "time" for exact figures)');
  return 'proc';
}

export interface Build {
  site: string;
  size: number;
  repeat: number;
  /** Cold (output and caches removed first) or warm (content and image caches kept from the build before). */
  warm: boolean;
  wallMs: number;
  /** CPU seconds, user and system, of the build's process and every process under it (`cpuTime.ts`). */
  cpuS: number;
  rssBytes: number;
  outBytes: number;
  pages: number;
  /** The largest HTML file of the output: its path, raw bytes and gzip bytes (level 9). */
  largest: { path: string; raw: number; gzip: number };
  /** 1-minute load average when the build started (other work on the machine, and the build before). */
  loadBefore: number;
  phases: { syncS?: number; bundleS?: number; renderS?: number };
}

const astroBin = (s: Site) => join(s.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs');
export const distDir = (s: Site, size: number) => join(work, 'dist', `${s.key}-${size}`);

interface BuildOptions {
  method: RssMethod;
  /** Keep the site's cache folder from the build before (a warm rebuild). */
  warm?: boolean;
  extraNodeArgs?: string[];
}

export async function build(
  s: Site,
  size: number,
  repeat: number,
  { method, warm = false, extraNodeArgs = [] }: BuildOptions,
): Promise<Build> {
  const corpus = join(work, `corpus-${size}`, s.corpus);
  const cache = join(work, 'cache', `${s.key}-${size}`);
  const outDir = distDir(s, size);
  if (!warm) rmSync(cache, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const nodeArgs = [...extraNodeArgs, astroBin(s), 'build', '--outDir', outDir];
  const [cmd, args] = method === 'time' ? ['/usr/bin/time', ['-v', node, ...nodeArgs]] : [node, nodeArgs];
  const env = { ...process.env, ...s.env(corpus, cache), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  const loadBefore = loadavg()[0]!;
  const start = performance.now();
  const child = spawn(cmd, args, { cwd: s.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const cpu = sampleTreeCpu(child.pid!);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let sampled = 0;
  const sampler =
    method === 'proc'
      ? setInterval(() => {
          try {
            const kbHwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
            sampled = Math.max(sampled, kbHwm * 1024);
          } catch {
            // The process has exited between two samples: its last reading stands.
          }
        }, 50)
      : undefined;
  const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  const wallMs = performance.now() - start;
  const cpuS = cpu.stop();
  if (sampler) clearInterval(sampler);
  const logName = `${s.key}-${size}-${warm ? 'warm-' : ''}${repeat}.log`;
  mkdirSync(join(work, 'logs'), { recursive: true });
  writeFileSync(join(work, 'logs', logName), output);
  if (code !== 0)
    throw new Error(
      `${s.label} build of ${size} article(s) failed (exit ${code}); log: bench/.work/logs/${logName}\n${output.slice(-2000)}`,
    );
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1] ?? 0);
  const num = (re: RegExp) => {
    const m = re.exec(output);
    return m ? Number(m[1]) * (m[2] === 'ms' ? 0.001 : 1) : undefined;
  };
  const phases = {
    syncS: num(/\[types\] Generated ([\d.]+)(m?s)/),
    bundleS: num(/\[vite\] ✓ built in ([\d.]+)(m?s)/),
    renderS: num(/generating static routes[\s\S]*?✓ Completed in ([\d.]+)(m?s)/),
  };
  const { bytes, pages, largest } = dirStats(outDir);
  return {
    site: s.key,
    size,
    repeat,
    warm,
    wallMs,
    cpuS,
    rssBytes: method === 'time' ? rssKb * 1024 : sampled,
    outBytes: bytes,
    pages,
    largest,
    loadBefore,
    phases,
  };
}

/** Bytes and HTML pages of a build folder, and its largest HTML page (raw and gzip). */
function dirStats(dir: string): { bytes: number; pages: number; largest: Build['largest'] } {
  let bytes = 0;
  let pages = 0;
  let largest = { path: '', raw: 0 };
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const size = statSync(path).size;
        bytes += size;
        if (entry.name.endsWith('.html')) {
          pages++;
          if (size > largest.raw) largest = { path, raw: size };
        }
      }
    }
  };
  walk(dir);
  const gzip = largest.path ? gzipSync(readFileSync(largest.path), { level: 9 }).length : 0;
  return { bytes, pages, largest: { path: `/${relative(dir, largest.path)}`, raw: largest.raw, gzip } };
}
