import { describe, expect, it } from 'vitest';
import { articlesDir, envFor, readEnv } from './env.ts';

describe('readEnv', () => {
  it('fills in the defaults of an empty environment', () => {
    expect(readEnv({})).toEqual({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      articlesDir: 'content/articles',
      cacheDir: './node_modules/.astro',
      markdown: 'unified',
      chromiumPath: '/usr/bin/chromium',
      searchShardRecords: 25_000,
      ci: false,
    });
  });

  it('reads back what envFor sets for a child process', () => {
    const settings = {
      siteUrl: 'https://standpoint.example',
      basePath: '/deep/sub-path/',
      articlesDir: '/tmp/articles',
      cacheDir: '/tmp/cache',
      markdown: 'satteri',
      chromiumPath: '/opt/chromium',
      searchShardRecords: 40,
    } as const;
    expect(envFor(settings)).toEqual({
      SITE_URL: 'https://standpoint.example',
      BASE_PATH: '/deep/sub-path/',
      STANDPOINT_ARTICLES: '/tmp/articles',
      STANDPOINT_CACHE_DIR: '/tmp/cache',
      STANDPOINT_MARKDOWN: 'satteri',
      CHROMIUM_PATH: '/opt/chromium',
      STANDPOINT_SEARCH_SHARD_RECORDS: '40',
    });
    expect(readEnv({ ...envFor(settings), CI: 'true' })).toEqual({ ...settings, ci: true });
  });

  it('treats an empty variable as unset, and any other markdown value as unified', () => {
    expect(readEnv({ STANDPOINT_ARTICLES: '', STANDPOINT_MARKDOWN: 'remark' })).toMatchObject({
      articlesDir: 'content/articles',
      markdown: 'unified',
    });
    expect(articlesDir({ STANDPOINT_ARTICLES: 'tests/fixtures/articles' })).toBe('tests/fixtures/articles');
  });

  it('stops on a count that is not a whole number from 1 up, naming the variable', () => {
    for (const value of ['0', '-5', '2.5', 'many', '1e3']) {
      expect(() => readEnv({ STANDPOINT_SEARCH_SHARD_RECORDS: value })).toThrow(
        `STANDPOINT_SEARCH_SHARD_RECORDS must be a whole number from 1 up; it is "${value}"`,
      );
    }
  });
});
