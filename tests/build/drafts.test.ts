// Drafts: checked like any article, left out of everything `npm run build` publishes, shown by `npm run dev`.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildSite, cleanEnv, ROOT, withBuildLock } from '../support/buildSite.ts';
import { listFiles } from '../support/readSite.ts';
import { envFor } from '../../src/node/env.ts';

const DRAFTS = readdirSync(join(ROOT, 'tests/fixtures/drafts')).map((file) => file.replace(/\.mdx$/, ''));

let build: BuildResult;

beforeAll(async () => {
  build = await buildSite({ name: 'drafts', articleDirs: ['tests/fixtures/articles', 'tests/fixtures/drafts'] });
  if (build.code !== 0) throw new Error(build.output);
}, 300_000);

describe('a build with drafts', () => {
  it('publishes no page, data file or image of a draft', () => {
    const files = listFiles(build.outDir);
    for (const slug of DRAFTS)
      expect(
        files.filter((file) => file.includes(slug)),
        slug,
      ).toEqual([]);
    expect(files).toContain('articles/fixture-border-talks/index.html');
  });

  it('names no draft in any page, index, feed, sitemap or data file', () => {
    for (const file of listFiles(build.outDir).filter((f) => /\.(html|json|xml|txt)$/.test(f))) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      for (const slug of DRAFTS) expect(text, `${file} names ${slug}`).not.toContain(slug);
      expect(text, file).not.toContain('Test fixture: a draft');
    }
  });

  it('keeps a draft’s claims off the pages of the parties it shares with published articles', () => {
    const pakistan = readFileSync(join(build.outDir, 'parties/pakistan/index.html'), 'utf8');
    expect(pakistan).toContain('fixture-border-talks');
    expect(pakistan).not.toContain('welcomes the reopening');
  });
});

describe('astro dev with drafts', () => {
  it('shows a draft, with a banner saying the build does not publish it', async () => {
    const html = await withBuildLock(async () => {
      const server = spawn(
        process.execPath,
        [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'],
        {
          cwd: ROOT,
          env: {
            ...cleanEnv(),
            ...envFor({ articlesDir: build.articlesDir, cacheDir: join(build.articlesDir, '../dev-cache') }),
            NODE_ENV: 'development',
            NO_COLOR: '1',
          },
        },
      );
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let output = '';
          const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
          const read = (chunk: Buffer) => {
            output += chunk.toString();
            const found = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
            if (found) {
              clearTimeout(timer);
              resolve(found[0]);
            }
          };
          server.stdout.on('data', read);
          server.stderr.on('data', read);
        });
        const response = await fetch(`${url}articles/draft-border-crossing-reopens/`);
        return `${response.status} ${await response.text()}`;
      } finally {
        server.kill();
      }
    });
    expect(html.slice(0, 3)).toBe('200');
    expect(html.replace(/<[^>]+>/g, '')).toContain('Draft: shown by npm run dev only; npm run build does not publish it.');
    expect(html).toContain('The border crossing reopened on Monday');
  }, 120_000);
});
