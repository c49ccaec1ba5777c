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
    } as const;
    expect(envFor(settings)).toEqual({
      SITE_URL: 'https://standpoint.example',
      BASE_PATH: '/deep/sub-path/',
      STANDPOINT_ARTICLES: '/tmp/articles',
      STANDPOINT_CACHE_DIR: '/tmp/cache',
      STANDPOINT_MARKDOWN: 'satteri',
      CHROMIUM_PATH: '/opt/chromium',
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
});
