/**
 * Where the exchange maps' ELK layouts come from during a build: a cache on disk (a rebuild lays out
 * only the exchanges that changed), else a worker thread. The content gate starts the worker and asks
 * for every map's layout as soon as the articles are checked, so ELK works on the second core while
 * Vite compiles the articles; a page then finds its layout ready. ELK was a fifth of a 1,000-article
 * build's CPU time, all of it on the main thread.
 *
 * State lives on a process-wide symbol: the gate (loaded with the config) and the pages (loaded from
 * the build's bundle) are separate module instances in one process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { articleExchange, type GraphLayout, layOutInProcess, partyExchange } from '../lib/exchangeMap.ts';
import type { ReferenceIndex } from '../lib/referenceIndex.ts';
import { sitePaths } from '../lib/urls.ts';

const require = createRequire(import.meta.url);
/** What decides a layout besides its graph: the layout engine. */
const ENGINE = `elkjs ${(require('elkjs/package.json') as { version: string }).version}`;

interface LayoutService {
  /** One promise per graph, by key: a map asked for twice (prepared, then rendered) is laid out once. */
  layouts: Map<string, Promise<ElkNode>>;
  cacheDir?: string;
  worker?: Worker;
  waiting: Map<number, { resolve: (laid: ElkNode) => void; reject: (error: Error) => void }>;
  nextId: number;
  counts: { cached: number; laidOut: number };
}

const STORE = Symbol.for('standpoint.exchangeLayouts');
const global = globalThis as { [STORE]?: LayoutService };
const service = (): LayoutService =>
  (global[STORE] ??= { layouts: new Map(), waiting: new Map(), nextId: 0, counts: { cached: 0, laidOut: 0 } });

/** Only what `exchangeMap.ts` reads of a laid-out graph: boxes, their places and the edges' sections. */
function trim(laid: ElkNode): ElkNode {
  const box = ({ id, x, y, width, height, children }: ElkNode): ElkNode => ({
    id,
    x,
    y,
    width,
    height,
    ...(children ? { children: children.map(box) } : {}),
  });
  return {
    ...box(laid),
    edges: (laid.edges ?? []).map((edge) => {
      const { id, sources, targets, sections } = edge as typeof edge & { sources: string[]; targets: string[] };
      const container = (edge as { container?: string }).container;
      return { id, sources, targets, ...(container ? { container } : {}), sections };
    }),
  };
}

function onWorker(graph: ElkNode, worker: Worker): Promise<ElkNode> {
  const state = service();
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    state.waiting.set(id, { resolve, reject });
    worker.postMessage({ id, graph });
  });
}

/** The layout of `graph`: from memory, from the cache on disk, else laid out (on the worker when one runs). */
export const cachedLayout: GraphLayout = (graph) => {
  const state = service();
  const key = createHash('sha256').update(ENGINE).update('\n').update(JSON.stringify(graph)).digest('hex');
  let laid = state.layouts.get(key);
  if (laid) return laid;
  const file = state.cacheDir && join(state.cacheDir, 'exchange-maps', `${key}.json`);
  if (file && existsSync(file)) {
    state.counts.cached++;
    laid = Promise.resolve(JSON.parse(readFileSync(file, 'utf8')) as ElkNode);
  } else {
    state.counts.laidOut++;
    laid = (state.worker ? onWorker(graph, state.worker) : layOutInProcess(graph)).then((result) => {
      const kept = trim(result);
      if (file) {
        mkdirSync(join(state.cacheDir!, 'exchange-maps'), { recursive: true });
        // Written whole, then renamed: a build that stops half-way never leaves a truncated file behind.
        writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(kept));
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
      return kept;
    });
  }
  state.layouts.set(key, laid);
  return laid;
};

/** Keeps layouts under `cacheDir` (a build's cache folder) from now on. */
export function useLayoutCache(cacheDir: string): void {
  service().cacheDir = cacheDir;
}

/**
 * Starts the worker and asks for the layout of every map the build will draw: each article's and each
 * party's first page. Returns at once; pages await their layout through `cachedLayout`.
 */
export function prepareExchangeLayouts(index: ReferenceIndex): void {
  const state = service();
  if (!state.worker) {
    const worker = new Worker(new URL('./elkWorker.ts', import.meta.url));
    // The worker never keeps the process alive: a build ends when its pages are written.
    worker.unref();
    worker.on('message', ({ id, laid, error }: { id: number; laid?: ElkNode; error?: string }) => {
      const waiting = state.waiting.get(id);
      state.waiting.delete(id);
      if (error !== undefined) waiting?.reject(new Error(`laying out an exchange map failed: ${error}`));
      else waiting?.resolve(laid!);
    });
    worker.on('error', (error: Error) => {
      for (const waiting of state.waiting.values()) waiting.reject(error);
      state.waiting.clear();
      delete state.worker;
    });
    state.worker = worker;
  }
  // The graph holds no links, so any base gives the same layouts; the maps themselves are drawn by the pages.
  const paths = sitePaths('/');
  const options = { layout: cachedLayout };
  const prepared = [
    ...index.articles.map((article) => articleExchange(article, paths, options)),
    ...index.parties.map((party) => partyExchange(party.claims, index.articleBySlug, paths, options)),
  ];
  // A failure is the page's to report, when it draws the map.
  for (const map of prepared) map.catch(() => {});
  // Every map the pages draw is now asked for: once all are laid out, the worker stops and its heap (ELK and its
  // graphs) is given back while the pages render. A map asked for later is laid out in-process.
  void Promise.allSettled(prepared).then(() => stopWorker(state));
}

function stopWorker(state: LayoutService): void {
  const { worker } = state;
  if (!worker || state.waiting.size > 0) return;
  delete state.worker;
  void worker.terminate();
}

/** How many layouts came from the cache and how many were laid out, for the build log. */
export function layoutCounts(): { cached: number; laidOut: number } {
  return { ...service().counts };
}
