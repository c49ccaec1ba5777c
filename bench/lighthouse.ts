// Lighthouse on the seed's article page, served by a small static server on 127.0.0.1 (gzip, long cache on /_astro/).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { serveStatic } from '../tests/support/serveStatic.ts';
import { bench, node, seedPage } from './common.ts';

export interface LighthouseResult {
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

export async function lighthouse(dir: string, report: string): Promise<LighthouseResult> {
  const server = await serveStatic(dir, '/', {}, { likeAHost: true });
  const url = `${server.url}${seedPage.slice(1)}`;
  try {
    const result = await new Promise<string>((done, fail) => {
      const child = spawn(node, [join(bench, 'tools', 'lighthouse.mjs'), url, CHROMIUM_PATH, report, ...CHROMIUM_FLAGS], {
        cwd: join(bench, 'tools'),
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`lighthouse failed (${code}): ${err.slice(-1500)}`))));
    });
    return JSON.parse(result.trim().split('\n').pop()!) as LighthouseResult;
  } finally {
    await server.close();
  }
}
