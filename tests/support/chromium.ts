import { env } from '../../src/node/env.ts';

/** Debian's Chromium (`apt-get install -y chromium`); a test tool's own browser download does not work on these machines. */
export const CHROMIUM_PATH = env.chromiumPath;

/** The flags this closed network needs (no background connections), for the browser tests, the benchmarks and Lighthouse. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
