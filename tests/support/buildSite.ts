import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { envFor } from '../../src/node/env.ts';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'tests/.output');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  code: number;
  /** stdout and stderr together, as a person running the build would read them. */
  output: string;
  outDir: string;
  articlesDir: string;
}

export interface BuildOptions {
  /** Folder under tests/.output for this site. */
  name: string;
  /** Folders whose *.mdx files make up the site's articles. */
  articleDirs: string[];
  env?: Record<string, string>;
  /** Keep the content cache of an earlier build of the same name (default: start clean). */
  keepCache?: boolean;
}

/** Builds the real site from a chosen set of articles into tests/.output/<name>/dist; never throws on a failed build. */
export async function buildSite({ name, articleDirs, env = {}, keepCache = false }: BuildOptions): Promise<BuildResult> {
  const base = join(OUTPUT, name);
  const articlesDir = join(base, 'articles');
  const outDir = join(base, 'dist');
  rmSync(articlesDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  if (!keepCache) rmSync(join(base, 'cache'), { recursive: true, force: true });
  mkdirSync(articlesDir, { recursive: true });
  for (const dir of articleDirs) {
    for (const file of readdirSync(resolve(ROOT, dir)).filter((f) => f.endsWith('.mdx'))) {
      cpSync(resolve(ROOT, dir, file), join(articlesDir, file));
    }
  }
  try {
    const { stdout, stderr } = await withBuildLock(() =>
      run(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
        cwd: ROOT,
        env: {
          ...cleanEnv(),
          ...env,
          ...envFor({ articlesDir, cacheDir: join(base, 'cache') }),
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    return { code: 0, output: stdout + stderr, outDir, articlesDir };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: (failed.stdout ?? '') + (failed.stderr ?? ''),
      outDir,
      articlesDir,
    };
  }
}

export const BUILD_LOCK = join(OUTPUT, '.build-lock');

/**
 * Runs one Astro process at a time across Vitest's parallel test files. Astro writes `.astro/` in the
 * project root whatever the cache dir, so two builds of different article sets at once can read each
 * other's content modules.
 */
export async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  mkdirSync(OUTPUT, { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await sleep(100);
    }
  }
  try {
    return await task();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** The environment without what Vitest adds for its own Vite (BASE_URL, MODE, NODE_ENV=test…), which would leak into Astro's build. */
export function cleanEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

/** The site every build-output test reads: the published articles plus the test-only fixture articles. */
export const FIXTURE_SITE = { name: 'site', articleDirs: ['content/articles', 'tests/fixtures/articles', 'tests/fixtures/real-articles'] };
export const FIXTURE_SITE_DIST = join(OUTPUT, FIXTURE_SITE.name, 'dist');
