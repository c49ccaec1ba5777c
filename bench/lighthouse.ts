// Lighthouse on the seed's article page, served by a small static server on 127.0.0.1 (gzip, long cache on /_astro/).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { createGzip } from 'node:zlib';
import { bench, node, seedPage } from './common.ts';

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

