import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorsIn } from '../lib/contentIssues.ts';
import { runContentCheck, runContentCheckInParallel } from './runContentCheck.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'standpoint-parallel-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Articles that pass, and files wrong in every way a file can be: each reading, each check, and across articles. */
function mixedFolder(): string {
  const dir = join(folder, 'articles');
  for (const fixtures of ['news-shapes', 'real-articles', 'articles'])
    cpSync(join(ROOT, 'tests/fixtures', fixtures), dir, { recursive: true });
  writeFileSync(join(dir, 'Not A Slug.mdx'), '---\ntitle: x\n---\n');
  writeFileSync(join(dir, 'bad-yaml.mdx'), '---\ntitle: [unclosed\n---\nText.\n');
  writeFileSync(join(dir, 'no-claims.mdx'), '---\ntitle: A title\nsource: {}\nparties: []\nclaims: []\n---\nText.\n');
  writeFileSync(join(dir, 'notes.md'), 'not read');
  mkdirSync(join(dir, 'sub'));
  return dir;
}

describe('runContentCheckInParallel', () => {
  it('gives what the one-thread check gives, in the same order, with the files shared out between worker threads', async () => {
    const dir = mixedFolder();
    const alone = runContentCheck(dir, ROOT);
    expect(alone.articles.length).toBeGreaterThan(5);
    expect(errorsIn(alone.issues).length).toBeGreaterThan(4);
    const shared = await runContentCheckInParallel(dir, ROOT, { threads: 3, minFilesPerThread: 1 });
    // Maps, dates and every issue survive the trip from the workers.
    expect(shared).toStrictEqual(alone);
  });

  it('checks a small folder on this thread alone, with the same result', async () => {
    const dir = join(ROOT, 'tests/fixtures/real-articles');
    expect(await runContentCheckInParallel(dir, ROOT, { threads: 8 })).toStrictEqual(runContentCheck(dir, ROOT));
  });
});
