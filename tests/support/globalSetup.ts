import { rmSync } from 'node:fs';
import { BUILD_LOCK, buildSite, FIXTURE_SITE } from './buildSite.ts';

/** Builds the fixture site once for every build-output and browser test. */
export default async function setup(): Promise<void> {
  rmSync(BUILD_LOCK, { recursive: true, force: true }); // left by a run that was killed
  const result = await buildSite(FIXTURE_SITE);
  if (result.code !== 0) throw new Error(`building the fixture site failed:\n${result.output}`);
}
