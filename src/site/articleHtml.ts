/**
 * Each published article body's HTML, rendered by the content loader (`articleLoader.ts`) and printed by the
 * article page. It is kept here, process-wide like the gate's result (Astro loads the loaders' and the pages'
 * modules separately, in one process), and on disk in the cache folder, rather than in Astro's content store:
 * a build writes the whole store into its bundle as one string (17 MB at 1,000 articles), which Vite and the
 * pages then held in several copies at the build's memory peak.
 */
const STORE = Symbol.for('standpoint.articleHtml');
const global = globalThis as { [STORE]?: Map<string, string> };
const bodies = (): Map<string, string> => (global[STORE] ??= new Map<string, string>());

/** Keeps the HTML of an article's body, by its slug, for its page. */
export function keepArticleHtml(slug: string, html: string): void {
  bodies().set(slug, html);
}

/** Forgets the bodies of articles no longer published (`astro dev`, after a file is removed or made a draft). */
export function keepOnlyArticleHtml(slugs: ReadonlySet<string>): void {
  for (const slug of bodies().keys()) if (!slugs.has(slug)) bodies().delete(slug);
}

/** The HTML of an article's body; a page asking for one the loader did not render is a bug, and says so. */
export function articleHtml(slug: string): string {
  const html = bodies().get(slug);
  if (html === undefined) {
    throw new Error(
      `the body of the article "${slug}" was not rendered: the content loader (src/site/articleLoader.ts) renders every published article before the pages`,
    );
  }
  return html;
}
