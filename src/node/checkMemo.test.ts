import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorsIn } from '../lib/contentIssues.ts';
import { type CheckMemo, loadCheckMemo, saveCheckMemo } from './checkMemo.ts';
import { runContentCheck, runContentCheckInParallel } from './runContentCheck.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'standpoint-check-memo-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let made = 0;
/** A folder of real and news-shaped articles and a memo file beside it, both new. */
function setUp(): { dir: string; memo: CheckMemo } {
  const base = join(folder, String(made++));
  const dir = join(base, 'articles');
  for (const fixtures of ['news-shapes', 'real-articles']) cpSync(join(ROOT, 'tests/fixtures', fixtures), dir, { recursive: true });
  return { dir, memo: { path: join(base, 'cache', 'content-check.v8'), key: 'code-1' } };
}
const check = (dir: string, memo?: CheckMemo) => runContentCheckInParallel(dir, ROOT, { memo });
const firstArticle = (dir: string) => join(dir, runContentCheck(dir, ROOT).sources[0]!.slug + '.mdx');

/** Marks a file's check in the memo with a warning no check gives: seen in a result, it came from the memo. */
function markInMemo(memo: CheckMemo, name: string): void {
  const files = [...loadCheckMemo(memo).values()];
  const file = files.find((candidate) => candidate.name === name)!;
  file.checkIssues.push({ severity: 'warning', file: 'memo', message: 'from the memo' });
  saveCheckMemo(memo, files);
}
const fromMemo = (issues: { message: string }[]) => issues.some((issue) => issue.message === 'from the memo');

describe('the content check’s memo', () => {
  it('gives the same result as a check without it, and takes unchanged files from it', async () => {
    const { dir, memo } = setUp();
    const first = await check(dir, memo);
    expect(first).toStrictEqual(runContentCheck(dir, ROOT));
    expect(loadCheckMemo(memo).size).toBe(first.sources.length);
    expect(await check(dir, memo)).toStrictEqual(first);
    const name = first.sources[0]!.slug + '.mdx';
    markInMemo(memo, name);
    expect(fromMemo((await check(dir, memo)).issues)).toBe(true);
  });

  it('checks a changed file again: an error added to it stops the check', async () => {
    const { dir, memo } = setUp();
    await check(dir, memo);
    const file = firstArticle(dir);
    markInMemo(memo, file.split('/').at(-1)!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 42'));
    const again = await check(dir, memo);
    expect(fromMemo(again.issues)).toBe(false);
    const errors = errorsIn(again.issues).filter((issue) => resolve(ROOT, issue.file) === file);
    expect(errors.length).toBeGreaterThan(0);
    expect(again).toStrictEqual(runContentCheck(dir, ROOT));
  });

  it('reads every file again: a renamed, removed or unreadable file is reported or gone as without it', async () => {
    const { dir, memo } = setUp();
    const first = await check(dir, memo);
    const [renamed, removed] = first.sources.map((source) => source.slug);
    renameSync(join(dir, `${renamed}.mdx`), join(dir, 'Not A Slug.mdx'));
    rmSync(join(dir, `${removed}.mdx`));
    mkdirSync(join(dir, 'sub'));
    const again = await check(dir, memo);
    expect(again).toStrictEqual(runContentCheck(dir, ROOT));
    expect(again.issues.some((issue) => issue.file.endsWith('Not A Slug.mdx'))).toBe(true);
    expect(again.sources.map((source) => source.slug)).not.toContain(removed);
    expect([...loadCheckMemo(memo).keys()]).not.toContain(`${removed}.mdx`);
  });

  it('is not used under another key (other code or another folder), nor when its file cannot be read', async () => {
    const { dir, memo } = setUp();
    const first = await check(dir, memo);
    markInMemo(memo, first.sources[0]!.slug + '.mdx');
    expect(fromMemo((await check(dir, { ...memo, key: 'code-2' })).issues)).toBe(false);
    expect(loadCheckMemo(memo).size).toBe(0);
    writeFileSync(memo.path, 'not a memo');
    expect(loadCheckMemo(memo).size).toBe(0);
    expect(await check(dir, memo)).toStrictEqual(first);
    // Kept again after the check.
    expect(loadCheckMemo(memo).size).toBe(first.sources.length);
  });
});
