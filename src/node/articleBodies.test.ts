import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import type { CheckedArticle } from '../lib/checkArticles.ts';
import { hasErrors } from '../lib/contentIssues.ts';
import { MARKDOWN_SETTINGS, renderBody } from '../site/articleMarkdown.ts';
import { checkContentInParallel, publishedFiles } from '../site/contentGate.ts';
import { type BodySettings, type BodyTrees, bodyFile, bodyFolder, bodyKey, renderBodies } from './articleBodies.ts';
import { listArticleFiles } from './articleFiles.ts';
import { articlesOf, checkFiles, runContentCheckInParallel, sourcesOf } from './runContentCheck.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'standpoint-bodies-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A folder of articles: the real-article and news-shape fixtures, and the drafts. */
function articles(name: string): string {
  const dir = join(folder, name);
  for (const fixtures of ['real-articles', 'news-shapes', 'drafts'])
    cpSync(join(ROOT, 'tests/fixtures', fixtures), dir, { recursive: true });
  return dir;
}

/** The renderer Astro's content layer makes from astro.config.mjs (`markdown.processor` and the other Markdown settings). */
async function astroRenderer() {
  const { processor, ...settings } = config.markdown!;
  // astro.config.mjs sets nothing else the renderer takes than these (no image, Shiki or plugin settings).
  expect(settings).toEqual(MARKDOWN_SETTINGS);
  return processor!.createRenderer(MARKDOWN_SETTINGS);
}

const bodies = (settings: BodySettings) => readdirSync(bodyFolder(settings)).sort();

describe('the bodies rendered by the content check', () => {
  const dir = articles('articles');
  const settings: BodySettings = { root: ROOT, cacheDir: join(folder, 'cache'), base: config.base ?? '/' };
  // The files shared out between this thread and two worker threads, each rendering what it checked.
  const check = async (drafts = false) => {
    const result = await runContentCheckInParallel(dir, ROOT, { threads: 3, minFilesPerThread: 1, render: { settings, drafts } });
    if (hasErrors(result.issues)) throw new Error(JSON.stringify(result.issues));
    return result;
  };

  it('are the HTML the loader’s renderer gives, one file per published article, rendered on every thread', async () => {
    const result = await check();
    // The gate publishes the same articles (on one thread, rendering nothing) for the loader's renderer to look up.
    await checkContentInParallel(ROOT, dir);
    const published = publishedFiles();
    expect(published.length).toBeGreaterThan(5);
    expect(result.bodies).toEqual({ rendered: published.length, threads: 3 });
    // The drafts are checked, not rendered: a build does not publish them.
    expect(result.articles.length).toBeGreaterThan(published.length);
    expect(bodies(settings)).toEqual(published.map((file) => bodyFile(settings, file.key)).sort());
    const renderer = await astroRenderer();
    for (const file of published) {
      const kept = readFileSync(join(bodyFolder(settings), bodyFile(settings, file.key)), 'utf8');
      expect(kept, file.slug).toContain('<mark');
      expect(kept, file.slug).toBe(await renderBody(renderer, file.path, file.body));
    }
  }, 60_000);

  it('are not rendered again while their text and settings are the same; an edited article is', async () => {
    expect((await check()).bodies!.rendered).toBe(0);
    const file = join(dir, 'kestran-rejects-velorian-dam-claims.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Kestran Federation rejects', 'title: Kestran Federation dismisses'));
    expect((await check()).bodies!.rendered).toBe(1);
  }, 60_000);

  it('include the drafts when asked (astro dev shows them)', async () => {
    const result = await check(true);
    expect(result.bodies!.rendered).toBe(result.articles.filter((article) => article.data.draft).length);
    expect(result.bodies!.rendered).toBeGreaterThan(0);
  }, 60_000);

  it('are not rendered when the check finds an error, in any article: the errors come first', async () => {
    const broken = articles('broken');
    writeFileSync(join(broken, 'no-claims.mdx'), '---\ntitle: A title\nsource: {}\nparties: []\nclaims: []\n---\nText.\n');
    const cacheDir = join(folder, 'broken-cache');
    const result = await runContentCheckInParallel(broken, ROOT, {
      threads: 3,
      minFilesPerThread: 1,
      render: { settings: { ...settings, cacheDir }, drafts: false },
    });
    expect(hasErrors(result.issues)).toBe(true);
    expect(result.articles.length).toBeGreaterThan(5);
    expect(result.bodies).toBeUndefined();
    expect(existsSync(bodyFolder({ cacheDir }))).toBe(false);
  }, 60_000);

  it('start from the syntax trees the check parsed (each body parsed once), and take each tree once', async () => {
    const trees: BodyTrees = new Map();
    const files = checkFiles(dir, ROOT, listArticleFiles(dir), trees);
    const checked = { articles: articlesOf(files), sources: sourcesOf(files) };
    const published = checked.articles.filter((article) => !article.data.draft);
    expect(trees.size).toBe(checked.articles.length);
    // A class given to a paragraph of one kept tree shows in that body's HTML: it was rendered from the tree, not parsed again.
    const [edited, ...others] = published;
    const paragraph = trees.get(edited!.file)!.children.find((node) => node.type === 'paragraph')!;
    paragraph.data = { hProperties: { className: ['from-the-kept-tree'] } };
    const elsewhere = { ...settings, cacheDir: join(folder, 'trees-cache') };
    expect(await renderBodies(checked.articles, checked.sources, elsewhere, { trees })).toBe(published.length);
    expect([...trees.keys()]).toEqual(checked.articles.filter((article) => article.data.draft).map((article) => article.file));
    const html = (article: CheckedArticle) => {
      const source = checked.sources.find((candidate) => candidate.slug === article.slug)!;
      return readFileSync(join(bodyFolder(elsewhere), bodyFile(elsewhere, bodyKey(JSON.stringify(source.data), source.body))), 'utf8');
    };
    expect(html(edited!)).toContain('class="from-the-kept-tree"');
    const renderer = await astroRenderer();
    for (const article of others) {
      const source = checked.sources.find((candidate) => candidate.slug === article.slug)!;
      expect(html(article), article.slug).toBe(await renderBody(renderer, resolve(ROOT, article.file), source.body));
    }
  }, 60_000);

  it('are kept apart by base path: the margin notes link under it', () => {
    const key = publishedFiles()[0]!.key;
    expect(bodyFile({ ...settings, base: '/sub/' }, key)).not.toBe(bodyFile(settings, key));
    expect(bodyFile(settings, `${key} `)).not.toBe(bodyFile(settings, key));
  });
});
