import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface HostOptions {
  /** Compress text with gzip when the browser accepts it, and cache hashed assets (`_astro/`) for a year, as a static host does (Lighthouse). */
  likeAHost?: boolean;
}

export interface StaticSite {
  /** e.g. http://127.0.0.1:41234/deep/sub-path/ */
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built folder on 127.0.0.1 under `base`, the way a static host does: `/x/` serves `x/index.html`,
 * anything outside `base` or missing is a 404 (with the site's 404 page), and extra headers apply to every response.
 * The one static server of the tests and the benchmarks.
 */
export async function serveStatic(
  dir: string,
  base = '/',
  headers: Record<string, string> = {},
  { likeAHost = false }: HostOptions = {},
): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, file: string) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const compress =
        likeAHost && /text|json|xml|svg|javascript/.test(type) && /gzip/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(status, {
        'Content-Type': type,
        ...(likeAHost && {
          'Cache-Control': file.startsWith(join(dir, '_astro')) ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
        }),
        ...(compress && { 'Content-Encoding': 'gzip' }),
        ...headers,
      });
      const stream = createReadStream(file);
      (compress ? stream.pipe(createGzip()) : stream).pipe(response);
    };
    const notFound = () => {
      const page = join(dir, '404.html');
      if (existsSync(page)) send(404, page);
      else response.writeHead(404).end();
    };
    if (!path.startsWith(base)) return notFound();
    const relative = normalize(path.slice(base.length));
    if (relative.startsWith('..')) return notFound();
    let file = join(dir, relative);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
