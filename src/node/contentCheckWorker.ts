/**
 * A worker thread of the content check (`runContentCheckInParallel`): reads and checks the files it is given,
 * each alone, renders the bodies that passed when asked (`render`), and posts back what it found.
 * `workerData`: `{ dir, root, names, render? }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkAndRender, type RenderBodies } from './runContentCheck.ts';

const { dir, root, names, render } = workerData as { dir: string; root: string; names: string[]; render?: RenderBodies };
parentPort!.postMessage(await checkAndRender(dir, root, names, render));
