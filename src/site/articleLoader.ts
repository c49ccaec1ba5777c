import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { bodyFile, bodyFolder, keepBody } from '../node/articleBodies.ts';
import { keepArticleHtml, keepOnlyArticleHtml } from './articleHtml.ts';
import { markdownOf } from './articleMarkdown.ts';
import { publishedFiles } from './contentGate.ts';

/**
 * The articles collection's loader: every article the content gate published, its body rendered to HTML
 * once, by Astro's Markdown processor (`markdown.processor` in astro.config.mjs: unified, remark-mdx,
 * remark-gfm and the claim marks, `articleMarkdown.ts`). The HTML is handed to the article pages
 * (`articleHtml.ts`) and kept in the cache folder (`article-html/<digest>.html`, `node/articleBodies.ts`);
 * Astro's content store holds each entry's id and digest only. The content check renders the bodies it checked
 * into that folder on its threads, with the same processor, so a build's loader mostly reads them; it renders
 * what is missing (with Sätteri, and in `astro dev` after an edit).
 *
 * The files are `.mdx`, but the gate lets no MDX code through (no `import`, `{…}` or `<…>` in a body), so
 * a body is Markdown parsed with MDX's rules (the gate's parser, `remark-mdx`, is in the processor too).
 * Rendering it as Markdown here, instead of compiling each file to a JavaScript module in Vite's bundle,
 * keeps a thousand articles out of the bundle (the build's costliest phase, and its memory peak), and a
 * rebuild renders only the articles whose text changed: the cache folder keeps the rest, each under a digest of
 * the checked text, the settings and the code the HTML depends on (`rendererDigest`).
 */
export function articleLoader(): Loader {
  return {
    name: 'standpoint:articles',
    load: async (context) => {
      await renderArticles(context);
      // `astro dev`: the content gate re-checks an edited article (its own watcher, contentCheck.ts); this
      // renders again what it then publishes, once its listener has run (listeners run in turn, in one tick).
      context.watcher?.on('all', (_event, path) => {
        if (!path.endsWith('.mdx')) return;
        setTimeout(() => void renderArticles(context), 0);
      });
    },
  };
}

async function renderArticles(context: LoaderContext): Promise<void> {
  const { store, config, logger } = context;
  const root = fileURLToPath(config.root);
  const settings = { root, cacheDir: fileURLToPath(config.cacheDir), base: config.base };
  const folder = bodyFolder(settings);
  mkdirSync(folder, { recursive: true });
  const published = publishedFiles();
  const kept = new Set<string>();
  let rendered = 0;
  for (const { slug, path, body, key } of published) {
    const name = bodyFile(settings, key);
    const file = join(folder, name);
    kept.add(name);
    if (existsSync(file)) {
      keepArticleHtml(slug, readFileSync(file, 'utf8'));
    } else {
      const { html } = await context.renderMarkdown(markdownOf(body), { fileURL: pathToFileURL(path) });
      keepBody(file, html);
      keepArticleHtml(slug, html);
      rendered++;
    }
    const digest = name.replace(/\.html$/, '');
    if (store.get(slug)?.digest !== digest) store.set({ id: slug, data: {}, filePath: relative(root, path), digest });
  }
  const ids = new Set(published.map((file) => file.slug));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  keepOnlyArticleHtml(ids);
  // Bodies no article has any more (an edited text, a removed article) leave the cache folder.
  for (const name of readdirSync(folder)) if (!kept.has(name)) rmSync(join(folder, name), { force: true });
  logger.info(
    `${rendered} rendered, ${published.length - rendered} taken from the cache folder (rendered by the content check, or kept from a build before)`,
  );
}
