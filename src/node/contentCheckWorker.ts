/**
 * A worker thread of the content check (`runContentCheckInParallel`): reads and checks the files it is given,
 * each alone, and posts back what it found. Then, if the whole check passed, it is asked to render the bodies
 * of the articles it checked into the cache folder (a `RenderBodies` message) and posts how many it rendered;
 * otherwise it is stopped. `workerData`: `{ dir, root, names }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BodyTrees, renderBodies } from './articleBodies.ts';
import { articlesOf, checkFiles, type RenderBodies, sourcesOf } from './runContentCheck.ts';

const { dir, root, names } = workerData as { dir: string; root: string; names: string[] };
// The bodies' syntax trees stay in this thread (they are not posted) for its renderer: each body is parsed once.
const trees: BodyTrees = new Map();
const checked = checkFiles(dir, root, names, trees);
parentPort!.postMessage(checked);
parentPort!.once('message', ({ settings, drafts }: RenderBodies) => {
  void renderBodies(articlesOf(checked), sourcesOf(checked), settings, { drafts, trees }).then((rendered) =>
    parentPort!.postMessage(rendered),
  );
});
