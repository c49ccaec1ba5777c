// The authoring commands as an editor runs them: `npm run new`, `npm run suggest`, then `npm run check:content`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envFor } from '../../src/node/env.ts';

const ROOT = join(import.meta.dirname, '../..');
const IMPORTS = join(ROOT, 'tests/fixtures/imports');
const work = mkdtempSync(join(tmpdir(), 'standpoint-authoring-'));
const articles = join(work, 'articles');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...envFor({ articlesDir: articles }) },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A refusal an editor can read: one `error:` line, no stack trace, a non-zero exit. */
function expectClearError(result: ReturnType<typeof run>, words: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/^error: /);
  expect(result.stderr).toMatch(words);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe('npm run new', () => {
  const slug = 'norvik-port-authority-rejects-fishing-unions-claim-of-secret-dredging';
  const file = join(articles, `${slug}.mdx`);

  it('writes a draft from a .txt and says what to do next', () => {
    const result = run('new-article.ts', [join(IMPORTS, 'harbour-dispute.txt')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${slug}.mdx`);
    expect(result.stdout).toContain(`npm run suggest -- ${slug}`);
    expect(result.stdout).toContain('npm run check:content');
    expect(result.stdout).toContain('draft: true');
    expect(readFileSync(file, 'utf8')).toMatch(
      /^---\ndraft: true\ntitle: Norvik port authority rejects fishing union’s claim of secret dredging\n/,
    );
  });

  it('never overwrites an existing file', () => {
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, `${before}\nAn edit by the editor.\n`);
    expectClearError(run('new-article.ts', [join(IMPORTS, 'harbour-dispute.txt')]), /already exists and is never overwritten/);
    expect(readFileSync(file, 'utf8')).toContain('An edit by the editor.');
  });

  it('takes --slug and --title', () => {
    const result = run('new-article.ts', [
      join(IMPORTS, 'no-headline.txt'),
      '--slug',
      'tram-strike',
      '--title',
      'Tram strike enters third day',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(articles, 'tram-strike.mdx'), 'utf8')).toContain('title: Tram strike enters third day');
  });

  it('refuses bad input with a clear error: empty, binary, over 5 MB, no article, no headline, a reserved slug', () => {
    expectClearError(run('new-article.ts', [join(IMPORTS, 'empty.txt')]), /is empty/);
    const binary = join(work, 'scan.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    expectClearError(run('new-article.ts', [binary]), /binary file/);
    const big = join(work, 'big.txt');
    writeFileSync(big, `Headline of a huge file\n\n${'word '.repeat(1_100_000)}`);
    expectClearError(run('new-article.ts', [big]), /at most 5 MB/);
    expectClearError(run('new-article.ts', [join(IMPORTS, 'no-article.html')]), /no article text found/);
    expectClearError(run('new-article.ts', [join(IMPORTS, 'no-headline.txt')]), /--title/);
    expectClearError(run('new-article.ts', [join(IMPORTS, 'harbour-dispute.txt'), '--slug', 'index']), /keeps for its own pages/);
    expectClearError(run('new-article.ts', [join(work, 'missing.txt')]), /no such file/);
  });
});

describe('npm run suggest', () => {
  const slug = 'islanders-protest-ferry-cuts-as-operator-blames-fuel-costs';

  it('prints YAML, or JSON with --json, and writes with --write so that npm run check:content passes', () => {
    expect(run('new-article.ts', [join(IMPORTS, 'article.html')]).code).toBe(0);
    const file = join(articles, `${slug}.mdx`);
    const body = readFileSync(file, 'utf8').split('\n---\n')[1];

    const yaml = run('suggest.ts', [slug]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^claims:$/m);
    expect(yaml.stdout).toMatch(/# why: verb “said”/);

    const json = run('suggest.ts', [slug, '--json']);
    const data = JSON.parse(json.stdout) as { parties: Array<{ id: string }>; claims: Array<{ quote: unknown }> };
    expect(data.claims.length).toBeGreaterThan(3);
    expect(data.parties.some((party) => party.id === 'tidewater-gazette')).toBe(true);

    const write = run('suggest.ts', [slug, '--write']);
    expect(write.code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n---\n')[1]).toBe(body); // the text is untouched
    const check = run('check-content.ts', [articles]);
    expect(check.stdout).toContain('no errors');
    expect(check.code).toBe(0);
  });

  it('says so when there is no such article', () => {
    expectClearError(run('suggest.ts', ['no-such-article']), /no readable article "no-such-article"/);
    expect(existsSync(join(articles, 'no-such-article.mdx'))).toBe(false);
  });
});
