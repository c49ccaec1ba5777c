/**
 * A worker thread that lays out exchange-map graphs with ELK, so that the build's main thread can
 * compile and render pages meanwhile (`exchangeLayouts.ts` starts it during a build).
 * Messages in: `{ id, graph }`; out: `{ id, laid }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { layOutInProcess } from '../lib/exchangeMap.ts';

parentPort!.on('message', ({ id, graph }: { id: number; graph: ElkNode }) => {
  layOutInProcess(graph).then(
    (laid) => parentPort!.postMessage({ id, laid }),
    (error: unknown) => parentPort!.postMessage({ id, error: String(error instanceof Error ? (error.stack ?? error.message) : error) }),
  );
});
