import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyFolder } from './articleBodies.ts';
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
/** The check with the memo, without its report on the memo (`memo`), to compare with the check without it. */
const check = async (dir: string, memo?: CheckMemo) => {
  const { memo: _report, ...result } = await runContentCheckInParallel(dir, ROOT, { memo });
  return result;
};
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
    // Under the right key, but not a memo's shape: not used.
    writeFileSync(memo.path, deflateRawSync(serialize({ key: memo.key, files: [{ name: 'a.mdx', hash: 'x' }] })));
    expect(loadCheckMemo(memo).size).toBe(0);
  });

  it('keeps the errors of an unchanged file: it stops every check until it is fixed', async () => {
    const { dir, memo } = setUp();
    const file = firstArticle(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 42'));
    writeFileSync(join(dir, 'bad-yaml.mdx'), '---\ntitle: [unclosed\n---\nText.\n');
    const first = await check(dir, memo);
    expect(errorsIn(first.issues).length).toBeGreaterThan(1);
    markInMemo(memo, file.split('/').at(-1)!);
    const again = await runContentCheckInParallel(dir, ROOT, { memo });
    expect(fromMemo(again.issues)).toBe(true);
    expect(errorsIn(again.issues)).toStrictEqual(errorsIn(first.issues));
    expect(again.memo?.reused).toBe(first.sources.length + 1);
  });

  it('drops a removed file from the memo, and shares the changed files out between threads with the same result', async () => {
    const { dir, memo } = setUp();
    const first = await check(dir, memo);
    const [removed, ...others] = first.sources.map((source) => `${source.slug}.mdx`);
    rmSync(join(dir, removed!));
    await check(dir, memo);
    expect([...loadCheckMemo(memo).keys()].sort()).toEqual(others.sort());
    for (const name of others.slice(0, 4)) writeFileSync(join(dir, name), `${readFileSync(join(dir, name), 'utf8')}\n`);
    const shared = await runContentCheckInParallel(dir, ROOT, { memo, threads: 3, minFilesPerThread: 1 });
    expect(shared.memo?.reused).toBe(others.length - 4);
    expect(shared).toStrictEqual({ ...runContentCheck(dir, ROOT), memo: shared.memo });
  });

  it('checks again a file whose body the cache folder lacks, so that its body is rendered from its check’s tree', async () => {
    const { dir, memo } = setUp();
    const settings = { root: ROOT, cacheDir: join(memo.path, '..'), base: '/' };
    const render = { settings, drafts: false };
    const options = { memo, render, threads: 2, minFilesPerThread: 1 };
    const first = await runContentCheckInParallel(dir, ROOT, options);
    const published = first.articles.filter((article) => !article.data.draft).length;
    expect(first.bodies).toEqual({ rendered: published, threads: 2 });
    const again = await runContentCheckInParallel(dir, ROOT, options);
    expect(again.bodies).toEqual({ rendered: 0, threads: 1 });
    expect(again.memo?.reused).toBe(first.sources.length);
    rmSync(bodyFolder(settings), { recursive: true });
    const third = await runContentCheckInParallel(dir, ROOT, options);
    expect(third.bodies).toEqual({ rendered: published, threads: 2 });
    expect(third.memo?.reused).toBe(first.sources.length - published);
  });

  it('says why it could not be kept, and the check goes on', async () => {
    const { dir, memo } = setUp();
    const blocked = join(memo.path, '..', 'a-file');
    mkdirSync(join(memo.path, '..'), { recursive: true });
    writeFileSync(blocked, 'not a folder');
    const result = await runContentCheckInParallel(dir, ROOT, { memo: { ...memo, path: join(blocked, 'content-check.v8') } });
    expect(result.memo?.warning).toMatch(
      /^the content check's memo could not be kept in .*a-file\/content-check\.v8 \(.+\); the next build checks every file again$/,
    );
    expect({ ...result, memo: undefined }).toStrictEqual({ ...runContentCheck(dir, ROOT), memo: undefined });
    expect(existsSync(join(blocked, 'content-check.v8'))).toBe(false);
  });
});
