import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, ROOT, withBuildLock } from '../support/buildSite.ts';
import { listFiles, select, selectAll, toString } from '../support/readSite.ts';
import { envFor } from '../../src/node/env.ts';

const run = promisify(execFile);
const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/articles/fixture-border-talks.mdx'), 'utf8');

/** Writes one article folder holding the fixture article, changed by `edit`. */
function articleDir(name: string, edit: (text: string) => string = (text) => text): string {
  const dir = join(OUTPUT, 'broken', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fixture-border-talks.mdx'), edit(FIXTURE));
  return dir;
}

const misspellParty = (text: string) => text.replace('by: taliban-administration', 'by: taliban-admin');

/** A content error reads as the editor's error, not as a crash of Astro: no stack trace, no "unhandled error". */
function expectNoCrashOutput(output: string) {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('Stack trace');
  expect(output).not.toContain('An unhandled error occurred');
}

describe('astro build with bad content', () => {
  it('exits non-zero and names the file, the entry, the value and the fix', async () => {
    const result = await buildSite({ name: 'bad-build', articleDirs: [articleDir('bad-build', misspellParty)] });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'fixture-border-talks.mdx › claims[1] "kabul-declines": by: "taliban-admin" is not a party of this article',
    );
    expect(result.output).toContain("fix: use one of the article's party ids (pakistan, taliban-administration, fixture-desk)");
    expect(result.output).toMatch(/^.*Standpoint: 1 error in \S+\/bad-build\/articles — the build stopped$/m);
    expectNoCrashOutput(result.output);
  });

  it('reports every error of the run, then one summary line, and nothing after it', async () => {
    const dir = articleDir('two-errors', (text) => misspellParty(text).replace('kind: appeal', 'kind: plead'));
    const result = await buildSite({ name: 'two-errors', articleDirs: [dir] });
    expect(result.code).not.toBe(0);
    const lines = result.output.trimEnd().split('\n');
    const first = lines.findIndex((line) => line.includes('error: '));
    expect(lines.slice(first).map((line) => line.replace(/^\S+ \[ERROR\] \[standpoint:content-check\] /, ''))).toEqual([
      expect.stringMatching(/fixture-border-talks\.mdx › claims\[0\] "islamabad-proposes-talks": kind: "plead" is not an allowed value$/),
      expect.stringMatching(/^ {4}fix: use one of: assert, /),
      expect.stringMatching(
        /fixture-border-talks\.mdx › claims\[1\] "kabul-declines": by: "taliban-admin" is not a party of this article$/,
      ),
      expect.stringMatching(/^ {4}fix: use one of the article's party ids/),
      '2 error(s), 0 warning(s)',
      expect.stringMatching(/^Standpoint: 2 errors in \S+\/two-errors\/articles — the build stopped$/),
    ]);
    expectNoCrashOutput(result.output);
  });

  it('fails again on a second build over the content cache of the first', async () => {
    const dir = articleDir('cached');
    const good = await buildSite({ name: 'cached', articleDirs: [dir] });
    expect(good.code).toBe(0);
    const bad = await buildSite({ name: 'cached', articleDirs: [articleDir('cached', misspellParty)], keepCache: true });
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('by: "taliban-admin" is not a party of this article');
    expectNoCrashOutput(bad.output);
    const again = await buildSite({ name: 'cached', articleDirs: [articleDir('cached', misspellParty)], keepCache: true });
    expect(again.code).not.toBe(0);
  });

  it('stops astro dev too, before it serves anything', async () => {
    const dir = articleDir('dev', (text) => text.replace('quote: No date has been set', 'quote: No date was set'));
    const failed = await withBuildLock(() =>
      run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0'], {
        cwd: ROOT,
        env: { ...process.env, ...envFor({ articlesDir: dir }), NODE_ENV: 'development', NO_COLOR: '1' },
        timeout: 60_000,
      }),
    ).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
    );
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('claims[2] "desk-notes-no-date": quote: "No date was set" does not occur verbatim in the text');
    expect(failed.output).toMatch(/Standpoint: 1 error in \S+ — the dev server stopped$/m);
    expectNoCrashOutput(failed.output);
  });
});

describe('an article body is text, never code', () => {
  it('fails the build over MDX code in a body before any of it runs, and publishes nothing of it', async () => {
    const sentinel = join(OUTPUT, 'broken', `sentinel-${process.pid}`);
    rmSync(sentinel, { force: true });
    const dir = articleDir('code', (text) =>
      text
        .replace(
          '\nNo date has been set.',
          `\nexport const x = (await import('node:fs')).writeFileSync(${JSON.stringify(sentinel)}, 'ran');\n\nNo date has been set.`,
        )
        .replace('— a statement says', '{process.env.STANDPOINT_TEST_SECRET} — a statement says'),
    );
    const result = await buildSite({ name: 'code', articleDirs: [dir], env: { STANDPOINT_TEST_SECRET: 'the-secret-value' } });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('an `import` or `export` statement is MDX code, and an article body is text only');
    expect(result.output).toContain('a `{…}` expression is MDX code');
    expect(result.output).toMatch(/fixture-border-talks\.mdx › body, line \d+: /);
    expectNoCrashOutput(result.output);
    expect(existsSync(sentinel)).toBe(false);
    const published = existsSync(result.outDir)
      ? listFiles(result.outDir)
          .map((file) => readFileSync(join(result.outDir, file), 'utf8'))
          .join('\n')
      : '';
    expect(published).not.toContain('the-secret-value');
  });
});

describe('astro build with files that crashed it after passing the check', () => {
  it('stops at the check, naming each file and line: a YAML tag, lists nested 1,000 deep', async () => {
    const dir = articleDir('crashed-build', (text) =>
      text.replace('title: "Test fixture: border talks"', 'title: !foo "Test fixture: border talks"'),
    );
    const nested = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');
    writeFileSync(join(dir, 'deep-lists.mdx'), FIXTURE.replace('\nNo date has been set.', `\nNo date has been set.\n\n${nested}`));
    const result = await buildSite({ name: 'crashed-build', articleDirs: [dir] });
    expect(result.code).toBe(1);
    expect(result.output).toContain('fixture-border-talks.mdx › frontmatter: the frontmatter has a YAML tag, !foo, on line 2');
    expect(result.output).toMatch(
      /deep-lists\.mdx › body, line \d+: the line starts with 202 characters of indentation and list or quotation markers/,
    );
    expect(result.output).toMatch(/Standpoint: 2 errors in \S+ — the build stopped$/m);
    expect(result.output).not.toContain('unknown tag');
    expectNoCrashOutput(result.output);
  });
});

describe('astro build log', () => {
  it('has no warning per MDX article (Rolldown\'s MODULE_LEVEL_DIRECTIVE on "use astro:head-inject")', async () => {
    const result = await buildSite({
      name: 'build-log',
      articleDirs: ['content/articles', 'tests/fixtures/articles', 'tests/fixtures/escaping'],
    });
    expect(result.code, result.output).toBe(0);
    expect(listFiles(result.outDir).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThanOrEqual(3);
    expect(result.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(result.output).not.toContain('use astro:head-inject');
  });
});

describe('npm run check:content', () => {
  const check = (dir: string) =>
    run(process.execPath, [join(ROOT, 'scripts/check-content.ts'), dir], { cwd: ROOT }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('passes the published articles with no error and no warning', async () => {
    const { code, stdout } = await check('content/articles');
    expect(code).toBe(0);
    expect(stdout).toContain('0 error(s), 0 warning(s)');
  });

  it('fails on a bad article and reports every error of the run together', async () => {
    const dir = articleDir('cli', (text) => misspellParty(text).replace('kind: appeal', 'kind: plead'));
    writeFileSync(join(dir, 'Bad Name.mdx'), FIXTURE);
    writeFileSync(join(dir, 'broken-yaml.mdx'), '---\ntitle: [unclosed\n---\n\nText.\n');
    writeFileSync(join(dir, 'page.mdx'), FIXTURE);
    const { code, stdout } = await check(dir);
    expect(code).toBe(1);
    expect(stdout).toContain('Bad Name.mdx: the file name "Bad Name.mdx" is not a slug');
    expect(stdout).toContain('page.mdx: the file name "page.mdx" is a name the site keeps for its own pages (page, index)');
    expect(stdout).toContain('broken-yaml.mdx › frontmatter: the frontmatter is not valid YAML');
    expect(stdout).toContain('claims[0] "islamabad-proposes-talks": kind: "plead" is not an allowed value');
    // The schema error does not hide the other claim's unknown party.
    expect(stdout).toContain('by: "taliban-admin" is not a party of this article');
    expect(stdout).toMatch(/5 error\(s\)/);
  });

  it('fails on a folder with no articles', async () => {
    const dir = join(OUTPUT, 'broken', 'empty');
    mkdirSync(dir, { recursive: true });
    const { code, stdout } = await check(dir);
    expect(code).toBe(1);
    expect(stdout).toContain('there are no articles (*.mdx) in this folder');
  });
});

describe('markup in frontmatter', () => {
  it('is shown as text on every page and in every export, never interpreted', async () => {
    const result = await buildSite({ name: 'escaping', articleDirs: ['tests/fixtures/escaping'] });
    expect(result.code, result.output).toBe(0);
    const payloads = ["<script>alert('summary')</script>", "<img src=x onerror=alert('name')> {name} Party", '{1+1}', '<b>alias</b>'];
    for (const file of listFiles(result.outDir).filter((f) => f.endsWith('.html'))) {
      const tree = fromHtml(readFileSync(join(result.outDir, file), 'utf8'));
      if (file !== 'search/index.html')
        expect(
          selectAll('script', tree).filter((el) => el.properties.type !== 'application/ld+json'),
          file,
        ).toEqual([]);
      expect(selectAll('img, b, tag', tree), file).toEqual([]);
      for (const el of selectAll('script[type="application/ld+json"]', tree)) expect(() => JSON.parse(toString(el))).not.toThrow();
    }
    const article = fromHtml(readFileSync(join(result.outDir, 'articles/markup-in-frontmatter/index.html'), 'utf8'));
    const text = toString(select('main', article)!);
    for (const payload of payloads) expect(text).toContain(payload);
    expect(toString(select('mark#quote-markup-claim', article)!)).toContain('wrote {braces} and <tag> here');
    expect(toString(select('title', article)!)).toContain("<script>alert('title')</script> {title}");
    const data = JSON.parse(readFileSync(join(result.outDir, 'articles/markup-in-frontmatter.json'), 'utf8'));
    expect(data.claims[0].summary).toBe("The party says <script>alert('summary')</script> and <b>bold</b> and {1+1}.");
    const rss = readFileSync(join(result.outDir, 'rss.xml'), 'utf8');
    expect(rss).not.toContain('<script>');
  });
});
