/**
 * A worker thread of the content check (`runContentCheckInParallel`): reads and checks the files it is given,
 * each alone, and posts back what it found. `workerData`: `{ dir, root, names }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFiles } from './runContentCheck.ts';

const { dir, root, names } = workerData as { dir: string; root: string; names: string[] };
parentPort!.postMessage(checkFiles(dir, root, names));
