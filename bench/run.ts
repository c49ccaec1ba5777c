// The benchmark (issue 5): builds synthetic corpora with Standpoint, Standpoint on Sätteri, a bare Astro MDX
// site and Starlight; weighs the seed's article page; runs Lighthouse on it; writes bench/RESULTS.md.
// Usage: npm run bench [-- --quick] [-- --repeats N] [-- --sizes 1,100] [-- --no-lighthouse] [-- --no-profile]
// See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { SEED_SLUG, writeCorpus } from './corpus.ts';
import { pageWeight, type PageWeight } from './weight.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bench = join(root, 'bench');
const work = join(bench, '.work');
/** A snapshot of the site taken at start: Astro writes `<root>/.astro/content-modules.mjs` whatever the cacheDir,
 * so a build in the checkout itself races with any other build there (tests, `npm run build`). */
const siteCopy = join(work, 'site');
/** The same snapshot without src/pages/social (the 1200×630 PNG per article), for the analysis build. */
const siteCopyNoSocial = join(work, 'site-nosocial');
const node = process.execPath;
const seedPage = `/articles/${SEED_SLUG}/`;

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const sizes = (option('--sizes') ?? (quick ? '1,100' : '1,10,100,1000')).split(',').map(Number);
const defaultRepeats = (size: number) => (quick ? 1 : size >= 100 ? 3 : 3);
const repeatsOption = option('--repeats');
const repeatsFor = (size: number) => (repeatsOption ? Number(repeatsOption) : defaultRepeats(size));
const lighthouseRuns = repeatsOption ? Number(repeatsOption) : quick ? 1 : 3;
const runLighthouse = !flag('--no-lighthouse');
const runProfile = !quick && !flag('--no-profile');
const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;

// ---------------------------------------------------------------- sites
interface Site {
  key: string;
  label: string;
  cwd: string;
  corpus: 'standpoint' | 'plain';
  env: (articles: string, cache: string) => Record<string, string>;
}

const sites: Site[] = [
  {
    key: 'standpoint',
    label: 'Standpoint',
    cwd: siteCopy,
    corpus: 'standpoint',
    env: (articles, cache) => ({ STANDPOINT_ARTICLES: articles, STANDPOINT_CACHE_DIR: cache }),
  },
  {
    key: 'satteri',
    label: 'Standpoint on Sätteri',
    cwd: siteCopy,
    corpus: 'standpoint',
    env: (articles, cache) => ({ STANDPOINT_ARTICLES: articles, STANDPOINT_CACHE_DIR: cache, STANDPOINT_MARKDOWN: 'satteri' }),
  },
  { key: 'bare', label: 'Bare Astro MDX', cwd: join(bench, 'bare'), corpus: 'plain', env: (a, c) => ({ BENCH_ARTICLES: a, BENCH_CACHE_DIR: c }) },
  { key: 'starlight', label: 'Starlight', cwd: join(bench, 'starlight'), corpus: 'plain', env: (a, c) => ({ BENCH_ARTICLES: a, BENCH_CACHE_DIR: c }) },
];
const site = (key: string) => sites.find((s) => s.key === key)!;
const noSocial: Site = { ...sites[0]!, key: 'nosocial', label: 'Standpoint without social images', cwd: siteCopyNoSocial };

// ---------------------------------------------------------------- helpers
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 10 * 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(0)} MB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const log = (message: string) => console.log(`[bench] ${message}`);

function table(head: string[], rows: string[][]): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function dirStats(dir: string): { bytes: number; pages: number } {
  let bytes = 0;
  let pages = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        bytes += statSync(path).size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(dir);
  return { bytes, pages };
}

// ---------------------------------------------------------------- setup
function ensureWorkspaces() {
  for (const name of ['bare', 'starlight', 'tools']) {
    const dir = join(bench, name);
    if (existsSync(join(dir, 'node_modules', '.package-lock.json'))) continue;
    log(`installing bench/${name} (npm ci) ...`);
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ci failed in bench/${name}`);
  }
}

/** Copies the site's sources (the working tree as it is now) to bench/.work/site, sharing node_modules. */
/** The commit and uncommitted changes of the sources when the snapshot was taken. */
const snapshotState = { commit: '', dirty: '' };

function snapshotSite() {
  snapshotState.commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  snapshotState.dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json'], { cwd: root, encoding: 'utf8' }).stdout.trimEnd();
  for (const dir of [siteCopy, siteCopyNoSocial]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (path) => !/\.test\.ts$/.test(path) });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  rmSync(join(siteCopyNoSocial, 'src', 'pages', 'social'), { recursive: true, force: true });
}

/** How peak RSS is measured: GNU time's "Maximum resident set size", or sampling /proc/<pid>/status VmHWM. */
function rssMethod(): 'time' | 'proc' {
  if (existsSync('/usr/bin/time')) return 'time';
  log('/usr/bin/time is missing; trying `apt-get install -y time` ...');
  if (process.getuid?.() === 0) spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'inherit' });
  if (existsSync('/usr/bin/time')) return 'time';
  log('GNU time unavailable: sampling VmHWM from /proc instead (install the Debian package "time" for exact figures)');
  return 'proc';
}

// ---------------------------------------------------------------- builds
interface Build {
  site: string;
  size: number;
  repeat: number;
  wallMs: number;
  rssBytes: number;
  outBytes: number;
  pages: number;
  phases: { syncS?: number; bundleS?: number; renderS?: number };
}

const astroBin = (s: Site) => join(s.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs');
const distDir = (s: Site, size: number) => join(work, 'dist', `${s.key}-${size}`);

async function build(s: Site, size: number, repeat: number, method: 'time' | 'proc', extraNodeArgs: string[] = []): Promise<Build> {
  const corpus = join(work, `corpus-${size}`, s.corpus);
  const cache = join(work, 'cache', `${s.key}-${size}`);
  const outDir = distDir(s, size);
  rmSync(cache, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const nodeArgs = [...extraNodeArgs, astroBin(s), 'build', '--outDir', outDir];
  const [cmd, args] = method === 'time' ? ['/usr/bin/time', ['-v', node, ...nodeArgs]] : [node, nodeArgs];
  const env = { ...process.env, ...s.env(corpus, cache), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  const start = performance.now();
  const child = spawn(cmd, args as string[], { cwd: s.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
          } catch {}
        }, 50)
      : undefined;
  const code: number = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  const wallMs = performance.now() - start;
  if (sampler) clearInterval(sampler);
  mkdirSync(join(work, 'logs'), { recursive: true });
  writeFileSync(join(work, 'logs', `${s.key}-${size}-${repeat}.log`), output);
  if (code !== 0) throw new Error(`${s.label} build of ${size} article(s) failed (exit ${code}); log: bench/.work/logs/${s.key}-${size}-${repeat}.log\n${output.slice(-2000)}`);
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
  const { bytes, pages } = dirStats(outDir);
  return { site: s.key, size, repeat, wallMs, rssBytes: method === 'time' ? rssKb * 1024 : sampled, outBytes: bytes, pages, phases };
}

// ---------------------------------------------------------------- serving and Lighthouse
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** A static server on 127.0.0.1 with gzip and long caching of hashed assets, as a static host would. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir)) path = join(dir, '404.html');
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    let status = 200;
    if (!existsSync(path)) {
      status = 404;
      path = join(dir, '404.html');
      if (!existsSync(path)) return void res.writeHead(404).end('not found');
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    headers['cache-control'] = path.includes(`${join(dir, '_astro')}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=600';
    const compress = /text|json|xml|svg|javascript/.test(type) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    if (compress) headers['content-encoding'] = 'gzip';
    res.writeHead(status, headers);
    const stream = createReadStream(path);
    (compress ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  requests: number;
  transferBytes: number;
  failedAudits: string[];
  lighthouse: string;
}

async function lighthouse(dir: string, report: string): Promise<LighthouseResult> {
  const server = await serve(dir);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${seedPage}`;
  try {
    const result = await new Promise<string>((done, fail) => {
      const child = spawn(node, [join(bench, 'tools', 'lighthouse.mjs'), url, '/usr/bin/chromium', report], { cwd: join(bench, 'tools') });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`lighthouse failed (${code}): ${err.slice(-1500)}`))));
    });
    return JSON.parse(result.trim().split('\n').pop()!);
  } finally {
    server.close();
  }
}

// ---------------------------------------------------------------- analysis
async function contentCheckMs(dir: string): Promise<number> {
  const script = `import { runContentCheck } from ${JSON.stringify(join(root, 'src/lib/runContentCheck.ts'))};
const t = performance.now(); runContentCheck(${JSON.stringify(dir)}); console.log(performance.now() - t);`;
  const result = spawnSync(node, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`content check timing failed: ${result.stderr}`);
  return Number(result.stdout.trim().split('\n').pop());
}

/** Builds Standpoint once with --cpu-prof and sums self time by package (or src/ file). */
interface Profile {
  byPlace: Array<[string, number]>;
  byFunction: Array<[string, number]>;
}

async function profile(size: number, method: 'time' | 'proc'): Promise<Profile> {
  const dir = join(work, 'profile');
  rmSync(dir, { recursive: true, force: true });
  await build(site('standpoint'), size, 0, method, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
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
      if (!url) key = frame.functionName === '(garbage collector)' ? '(garbage collector)' : frame.functionName === '(idle)' ? '(idle)' : '(native/other)';
      else if (url.includes('node_modules/')) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
        key = m ? m[1]! : url;
      } else if (url.startsWith('node:')) key = '(node internals)';
      else if (url.includes('/.prerender/')) key = `built site: ${url.slice(url.lastIndexOf('/') + 1).replace(/_[\w-]{8}\.mjs$|\.mjs$/, '')}`;
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

// ---------------------------------------------------------------- main
async function main() {
  const t0 = performance.now();
  const loadBefore = loadavg()[0]!;
  mkdirSync(work, { recursive: true });
  ensureWorkspaces();
  snapshotSite();
  const method = rssMethod();
  log(`${quick ? 'quick' : 'full'} run: sizes ${sizes.join(', ')}; peak RSS via ${method === 'time' ? '/usr/bin/time -v' : '/proc VmHWM sampling'}`);

  const builds: Build[] = [];
  for (const size of sizes) {
    writeCorpus(size, join(work, `corpus-${size}`));
    for (let repeat = 1; repeat <= repeatsFor(size); repeat++) {
      // Rotate the order each repeat so drift on a shared machine does not always favour one site.
      const order = sites.map((_, i) => sites[(i + repeat - 1) % sites.length]!);
      for (const s of order) {
        const b = await build(s, size, repeat, method);
        builds.push(b);
        log(`${s.label.padEnd(22)} ${String(size).padStart(4)} articles #${repeat}: ${secs(b.wallMs)}, ${mb(b.rssBytes)} RSS, ${b.pages} pages`);
      }
    }
    // Page weight in the first and the largest build, before the next size overwrites nothing (dist is per size).
  }

  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const weights = new Map<string, PageWeight>();
  for (const s of sites) for (const size of new Set([smallest, largest])) weights.set(`${s.key}-${size}`, pageWeight(distDir(s, size), seedPage));

  const lighthouseResults = new Map<string, LighthouseResult[]>();
  if (runLighthouse) {
    for (let run = 1; run <= lighthouseRuns; run++) {
      for (const key of ['standpoint', 'bare', 'starlight']) {
        mkdirSync(join(work, 'lighthouse'), { recursive: true });
        const result = await lighthouse(distDir(site(key), smallest), join(work, 'lighthouse', `${key}-${run}.json`));
        lighthouseResults.set(key, [...(lighthouseResults.get(key) ?? []), result]);
        log(`Lighthouse ${key} #${run}: ${result.performance}/${result.accessibility}/${result.bestPractices}/${result.seo}, LCP ${secs(result.lcpMs)}`);
      }
    }
  }

  const checkMs = median(await Promise.all([0, 1, 2].slice(0, quick ? 1 : 3).map(() => contentCheckMs(join(work, `corpus-${largest}`, 'standpoint')))));
  log(`content check of ${largest} articles: ${checkMs.toFixed(0)} ms`);
  const profileTotals = runProfile ? await profile(largest, method) : undefined;
  let noSocialBuild: Build | undefined;
  if (runProfile) {
    noSocialBuild = await build(noSocial, largest, 1, method);
    log(`${noSocial.label} at ${largest}: ${secs(noSocialBuild.wallMs)}, ${mb(noSocialBuild.rssBytes)} RSS`);
  }

  writeResults({
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
}

// ---------------------------------------------------------------- report
interface Report {
  builds: Build[];
  weights: Map<string, PageWeight>;
  lighthouseResults: Map<string, LighthouseResult[]>;
  checkMs: number;
  profileTotals?: Profile;
  noSocialBuild?: Build;
  load: [number, number];
  smallest: number;
  largest: number;
  method: 'time' | 'proc';
  totalMs: number;
}

function writeResults(r: Report) {
  const stat = (key: string, size: number) => {
    const bs = r.builds.filter((b) => b.site === key && b.size === size);
    if (bs.length === 0) return undefined;
    const m = (f: (b: Build) => number | undefined) => median(bs.map(f).filter((v): v is number => v !== undefined));
    return {
      n: bs.length,
      wallMs: m((b) => b.wallMs),
      rss: m((b) => b.rssBytes),
      out: m((b) => b.outBytes),
      pages: m((b) => b.pages),
      sync: m((b) => b.phases.syncS),
      bundle: m((b) => b.phases.bundleS),
      render: m((b) => b.phases.renderS),
      walls: bs.map((b) => b.wallMs),
    };
  };

  const buildRows: string[][] = [];
  for (const size of sizes)
    for (const s of sites) {
      const st = stat(s.key, size)!;
      buildRows.push([
        s.label,
        String(size),
        `${secs(st.wallMs)} (${st.walls.map((w) => (w / 1000).toFixed(1)).join(', ')})`,
        (st.wallMs / size).toFixed(0),
        mb(st.rss),
        mb(st.out),
        String(st.pages),
      ]);
    }
  const buildTable = table(['Site', 'Articles', 'Wall, median (runs)', 'ms / article', 'Peak RSS', 'Output', 'Pages'], buildRows);

  const ratioRows = sizes.map((size) => {
    const sp = stat('standpoint', size)!;
    const sa = stat('satteri', size)!;
    const bare = stat('bare', size)!;
    const sl = stat('starlight', size)!;
    return [
      String(size),
      ratio(sp.wallMs, bare.wallMs),
      ratio(sp.wallMs, sl.wallMs),
      ratio(sp.rss, bare.rss),
      ratio(sp.rss, sl.rss),
      ratio(sp.wallMs, sa.wallMs),
      `${secs(sp.wallMs - sa.wallMs)}`,
    ];
  });
  const ratioTable = table(
    ['Articles', 'Time SP / bare', 'Time SP / Starlight', 'RSS SP / bare', 'RSS SP / Starlight', 'Time unified / Sätteri', 'unified − Sätteri'],
    ratioRows,
  );

  const phaseRows = sizes.flatMap((size) =>
    sites.map((s) => {
      const st = stat(s.key, size)!;
      const f = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} s` : '–');
      return [s.label, String(size), f(st.sync), f(st.bundle), f(st.render)];
    }),
  );
  const phaseTable = table(['Site', 'Articles', 'Content sync + types', 'Vite bundle', 'Render static routes'], phaseRows);

  const weightRows: string[][] = [];
  for (const s of sites)
    for (const size of new Set([r.smallest, r.largest])) {
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
    ['Site', 'Build (articles)', 'HTML raw / gzip', 'CSS raw / gzip (files)', 'JS raw / gzip (files)', 'HTML+CSS gzip', 'Total gzip', 'Requests'],
    weightRows,
  );

  const lh = (key: string) => {
    const runs = r.lighthouseResults.get(key);
    if (!runs?.length) return undefined;
    return {
      performance: median(runs.map((x) => x.performance)),
      accessibility: median(runs.map((x) => x.accessibility)),
      bestPractices: median(runs.map((x) => x.bestPractices)),
      seo: median(runs.map((x) => x.seo)),
      lcpMs: median(runs.map((x) => x.lcpMs)),
      requests: median(runs.map((x) => x.requests)),
      transfer: median(runs.map((x) => x.transferBytes)),
      failed: [...new Set(runs.flatMap((x) => x.failedAudits))],
      version: runs[0]!.lighthouse,
      n: runs.length,
    };
  };
  const lhRows = ['standpoint', 'bare', 'starlight'].flatMap((key) => {
    const x = lh(key);
    return x
      ? [[site(key).label, String(x.performance), String(x.accessibility), String(x.bestPractices), String(x.seo), secs(x.lcpMs), String(x.requests), kb(x.transfer), x.failed.join(', ') || '–']]
      : [];
  });
  const lhTable = lhRows.length
    ? table(['Site', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'LCP', 'Requests', 'Transfer', 'Audits below 1 (any run)'], lhRows)
    : '_Lighthouse skipped (--no-lighthouse)._';

  // Targets
  const L = r.largest;
  const sp = stat('standpoint', L)!;
  const bare = stat('bare', L)!;
  const sl = stat('starlight', L)!;
  const wSmall = r.weights.get(`standpoint-${r.smallest}`)!;
  const wLarge = r.weights.get(`standpoint-${L}`)!;
  const total = (w: PageWeight) => w.html.raw + w.css.raw + w.js.raw;
  const mid = sizes.includes(100) && L > 100 ? 100 : undefined;
  const spMid = mid ? stat('standpoint', mid)! : undefined;
  const spLh = lh('standpoint');
  const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');
  const targets: string[][] = [
    [
      'Article page weight does not grow with the number of articles',
      met(total(wLarge) <= total(wSmall)),
      `seed page at ${r.smallest}: ${kb(total(wSmall))} raw (${kb(wSmall.html.gzip + wSmall.css.gzip)} gzip); at ${L}: ${kb(total(wLarge))} raw (${kb(wLarge.html.gzip + wLarge.css.gzip)} gzip)`,
    ],
    ['0 bytes of JS', met(wLarge.js.raw + wLarge.js.inlineRaw === 0 && wSmall.js.raw + wSmall.js.inlineRaw === 0), `${wSmall.js.raw + wSmall.js.inlineRaw} bytes`],
    [
      'HTML + CSS gzip ≤ 14.6 KB (14,600 bytes) and ≤ 3 requests',
      met(wSmall.html.gzip + wSmall.css.gzip <= 14600 && wLarge.html.gzip + wLarge.css.gzip <= 14600 && wSmall.requests <= 3),
      `${(wSmall.html.gzip + wSmall.css.gzip).toLocaleString('en')} bytes, ${wSmall.requests} request(s)${spLh ? ` (Lighthouse saw ${spLh.requests})` : ''}`,
    ],
    [
      'Lighthouse 100 in all four categories',
      spLh ? met(spLh.performance === 100 && spLh.accessibility === 100 && spLh.bestPractices === 100 && spLh.seo === 100) : 'not measured',
      spLh ? `${spLh.performance}/${spLh.accessibility}/${spLh.bestPractices}/${spLh.seo}, LCP ${secs(spLh.lcpMs)}` : '',
    ],
    [
      `Build at ${L} ≤ 1.3× bare's time and below Starlight's`,
      met(sp.wallMs <= 1.3 * bare.wallMs && sp.wallMs < sl.wallMs),
      `${secs(sp.wallMs)} = ${ratio(sp.wallMs, bare.wallMs)} bare (${secs(bare.wallMs)}), ${ratio(sp.wallMs, sl.wallMs)} Starlight (${secs(sl.wallMs)})`,
    ],
    [
      `ms / article flat from 100 to ${L} (within 20 %)`,
      spMid ? met(sp.wallMs / L <= 1.2 * (spMid.wallMs / 100)) : 'not measured',
      spMid
        ? `${(spMid.wallMs / 100).toFixed(0)} ms at 100, ${(sp.wallMs / L).toFixed(0)} ms at ${L}; marginal cost ${((sp.wallMs - spMid.wallMs) / (L - 100)).toFixed(0)} ms per extra article (bare: ${((bare.wallMs - stat('bare', 100)!.wallMs) / (L - 100)).toFixed(0)} ms)`
        : 'needs sizes 100 and above',
    ],
    [`Peak memory at ${L} ≤ 1.2× bare`, met(sp.rss <= 1.2 * bare.rss), `${mb(sp.rss)} = ${ratio(sp.rss, bare.rss)} bare (${mb(bare.rss)})`],
  ];
  const targetTable = table(['Target', 'Result', 'Measured'], targets);

  const profileSection = r.profileTotals
    ? (() => {
        const { byPlace, byFunction } = r.profileTotals;
        const all = byPlace.find(([k]) => k === '(total)')![1];
        const rows = (list: Array<[string, number]>) =>
          list
            .filter(([k]) => k !== '(total)')
            .slice(0, 15)
            .map(([k, ms]) => [k.replace(/\|/g, '\\|'), `${(ms / 1000).toFixed(1)} s`, `${((100 * ms) / all).toFixed(0)} %`]);
        return `### CPU profile of the Standpoint build at ${L} articles\n\nSelf time from \`node --cpu-prof\` on one more build (main thread; profiling slows the build, so read the shares, not the seconds). "built site: X" is Astro's bundle of the site's pages and components (chunk X); "(article modules)" the compiled MDX.\n\nBy package or file:\n\n${table(['Where', 'Self time', 'Share'], rows(byPlace))}\n\nBy function:\n\n${table(['Function — file', 'Self time', 'Share'], rows(byFunction))}\n`;
      })()
    : '';

  const { commit, dirty } = snapshotState;
  const versions = (dir: string, pkgs: string[]) =>
    pkgs.map((p) => `${p} ${JSON.parse(readFileSync(join(dir, 'node_modules', p, 'package.json'), 'utf8')).version}`).join(', ');
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  const notesMarker = '<!-- notes: everything below this line is kept when the benchmark rewrites this file -->';
  const resultsPath = join(bench, 'RESULTS.md');
  const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const notes = previous.includes(notesMarker) ? previous.slice(previous.indexOf(notesMarker) + notesMarker.length) : '\n';

  const md = `# Benchmark results

Generated by \`bench/run.ts\`; see [README.md](README.md) for what is measured and how.

- Date: ${date}
- Command: \`${command}\` (${quick ? 'quick mode' : 'full mode'}; took ${secs(r.totalMs)})
- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB memory, ${process.platform}; Node ${process.version}; 1-minute load average ${r.load[0].toFixed(1)} when the benchmark started (other work sharing the cores; at the end, with the benchmark's own load: ${r.load[1].toFixed(1)})
- Standpoint at ${commit}${dirty ? ` with uncommitted changes in: ${dirty.split('\n').map((l) => l.slice(3)).join(', ')}` : ''} (snapshot taken at the start)
- Peers: ${versions(join(bench, 'bare'), ['astro', '@astrojs/mdx'])} (bare); ${versions(join(bench, 'starlight'), ['astro', '@astrojs/starlight'])} (Starlight)
- Repeats: ${sizes.map((s) => `${repeatsFor(s)} at ${s}`).join(', ')}; figures are medians, ratios are between medians of this run. Every build is cold (output and content cache removed first).
- Peak RSS: ${r.method === 'time' ? '"Maximum resident set size" from `/usr/bin/time -v`, which runs the Astro process (`node astro.mjs build`) directly, so the figure is that process (GNU time reports the largest of it and any child it waited for)' : 'VmHWM sampled from /proc/<pid>/status of the Astro process every 50 ms'}.
- Output is every file in the build folder; pages are its \`.html\` files. "Standpoint on Sätteri" is the same site with \`STANDPOINT_MARKDOWN=satteri\`: Astro's default Markdown processor instead of \`unified()\` + remark-gfm; it runs no rehype plugins, so its article pages lack the quote marks (\`rehypeClaimMarks\`).

## Builds

${buildTable}

## Ratios (same run)

${ratioTable}

SP = Standpoint. "unified − Sätteri" is what the remark/rehype pipeline (remark-gfm, rehypeClaimMarks) costs in wall time.

## Build phases (from Astro's log, medians)

${phaseTable}

${
  r.noSocialBuild
    ? `Standpoint without social images (the same snapshot minus \`src/pages/social\`, one build at ${L}): **${secs(r.noSocialBuild.wallMs)}**, ${mb(r.noSocialBuild.rssBytes)} peak RSS, phases (sync / bundle / render) ${[r.noSocialBuild.phases.syncS, r.noSocialBuild.phases.bundleS, r.noSocialBuild.phases.renderS].map((v) => (v === undefined ? '–' : `${v.toFixed(2)} s`)).join(' / ')}, against the median ${secs(stat('standpoint', L)!.wallMs)} with them.\n\n`
    : ''
}Content check (\`runContentCheck\`, run by the integration at config setup, before the phases above) on the ${L}-article corpus, alone in a fresh process: **${r.checkMs.toFixed(0)} ms**.

${profileSection}
## Page weight: the seed's article page

\`${seedPage}\`, measured in the ${r.smallest}-article and the ${L}-article builds. gzip level 9, per file. Requests = the HTML, its stylesheets, its script files (following static imports) and icons/images it links.

${weightTable}

## Lighthouse (mobile), seed article page served on 127.0.0.1

Lighthouse ${lh('standpoint')?.version ?? ''} with Debian's Chromium, headless, mobile profile (simulated throttling), on the ${r.smallest}-article build served by a local static server with gzip; medians of ${lh('standpoint')?.n ?? 0} run(s).

${lhTable}

## Targets

${targetTable}

Targets are evaluated at the largest size of this run (${L}).

## Notes
${notesMarker}${notes}`;
  writeFileSync(resultsPath, md);
  writeFileSync(join(work, 'results.json'), JSON.stringify({ ...r, weights: Object.fromEntries(r.weights), lighthouseResults: Object.fromEntries(r.lighthouseResults) }, null, 2));

  console.log(`\n${buildTable}\n\n${ratioTable}\n\n${weightTable}\n\n${lhTable}\n\n${targetTable}\n`);
  log(`wrote bench/RESULTS.md (raw figures in bench/.work/results.json) in ${secs(r.totalMs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
