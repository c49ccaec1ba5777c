import { pathToFileURL } from 'node:url';
import { type MarkdownRenderer, parseFrontmatter, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { type ArticleLookup, rehypeClaimMarks, remarkTextBlocks } from '../lib/rehypeClaimMarks.ts';
import type { SitePaths } from '../lib/urls.ts';

/**
 * How an article's body becomes HTML: Astro's `unified()` Markdown processor with remark-gfm and the claim
 * marks. astro.config.mjs declares it (`markdown.processor`); the content check renders the bodies with it on
 * its threads (`node/articleBodies.ts`), and the content loader renders any body they did not.
 */

/** The Markdown settings besides the processor: articles hold no code (Shiki's inline styles would also need a looser Content-Security-Policy). */
export const MARKDOWN_SETTINGS = { syntaxHighlight: false } as const;

/** A body's syntax tree as the content check parsed it (`parseBody`: the same parser), or undefined to parse it. */
export type ParsedTree = (file: VFile) => Root | undefined;

/**
 * Remark plugin: a body whose tree `parsed` gives is not parsed again (the content check parsed it with the same
 * syntax: remark-mdx and remark-gfm); any other is parsed as usual. Parsing was a third of a body's rendering.
 */
export function remarkParsedTree(this: Processor, options: { parsed: ParsedTree }) {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document, file) => options.parsed(file) ?? parse(document, file);
}

/**
 * The processor: remark-mdx (bodies are parsed with MDX's rules, as the content gate parses them), remark-gfm
 * once (`gfm: false` stops unified() adding it again), smartypants off (the text stays verbatim), then the
 * claim marks, which find each body's checked article with `lookup`. With `parsed`, a body the check parsed
 * starts from its tree (`remarkParsedTree`).
 */
export function articleProcessor({ parsed, ...options }: { lookup: ArticleLookup; paths: SitePaths; parsed?: ParsedTree }) {
  return unified({
    gfm: false,
    smartypants: false,
    remarkPlugins: [
      ...(parsed ? [[remarkParsedTree, { parsed }] satisfies [unknown, unknown]] : []),
      remarkMdx,
      remarkGfm,
      remarkTextBlocks,
    ],
    rehypePlugins: [[rehypeClaimMarks, options]],
  });
}

/** A renderer of article bodies, made as Astro's content layer makes one from `markdown.processor` and the settings. */
export function articleRenderer(options: Parameters<typeof articleProcessor>[0]): Promise<MarkdownRenderer> {
  return articleProcessor(options).createRenderer({ ...MARKDOWN_SETTINGS });
}

/**
 * What a loader's `renderMarkdown` passes to the renderer for a body: an empty frontmatter first (Astro takes a
 * first `---` block, even after blank lines, for frontmatter, and a body may open with a `---` rule), removed
 * again by Astro's own frontmatter parser.
 */
export function markdownOf(body: string): string {
  return `---\n---\n${body}`;
}

/** Renders a checked body to HTML exactly as the content loader's `renderMarkdown` does with the same processor. */
export async function renderBody(renderer: MarkdownRenderer, path: string, body: string): Promise<string> {
  const { frontmatter, content } = parseFrontmatter(markdownOf(body));
  const { code } = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(path) });
  return code;
}
