import { Readability } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { parseHTML } from 'linkedom';
import type { Heading, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { blockText } from '../lib/articleText.ts';
import type { Source } from '../schemas/source.ts';
import { readsAsHeadline, type Draft } from './draft.ts';
import { AuthoringError } from './errors.ts';
import type { InputFormat } from './input.ts';
import { parseMarkdown, type Removed, sanitizeTree, textParagraph, toMdxBody } from './markdown.ts';

export interface ImportOptions {
  /** The headline, when the editor gives it. */
  title?: string;
  /** For a .txt file: read it as Markdown (headings, lists, quotes) instead of plain paragraphs. */
  markdown?: boolean;
}

export interface ImportResult extends Draft {
  /** What was left out of the source, for the editor to know. */
  notes: string[];
}

/** Imports one article from the text of a .txt, .md or .html file: title, source facts the file states, verified MDX body. */
export function importArticle(text: string, format: InputFormat, options: ImportOptions = {}): ImportResult {
  if (format === 'html') return importHtml(text, options);
  if (format === 'md' || options.markdown) return importMarkdown(text, options);
  return importPlainText(text, options);
}

/** The paragraphs of a plain text: split at blank lines, or one a line when the text has no blank line. */
export function plainTextParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const lines = normalised.split('\n');
  const hasBlankLine = /\n[ \t]*\n/.test(normalised.trim());
  const paragraphs = hasBlankLine ? normalised.split(/\n[ \t]*\n/) : lines;
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        // Spaces at either end of a line are not text a reader sees (Markdown drops them); inside a line they stay.
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
}

function importPlainText(text: string, options: ImportOptions): ImportResult {
  const paragraphs = plainTextParagraphs(text);
  const { title, rest } = takeTitle(paragraphs, options.title, 'the first line');
  if (rest.length === 0) throw new AuthoringError('the file has a headline but no article text below it');
  const tree: Root = { type: 'root', children: rest.map(textParagraph) };
  return { title, source: {}, body: toMdxBody(tree).body, notes: [] };
}

/** The title: `--title`, else the first paragraph when it reads as a headline (then not repeated in the body). */
function takeTitle(paragraphs: string[], given: string | undefined, where: string): { title: string; rest: string[] } {
  const first = paragraphs[0];
  if (given !== undefined) {
    const title = checkTitle(given);
    return {
      title,
      rest: first !== undefined && first.replace(/\s+/g, ' ') === title.replace(/\s+/g, ' ') ? paragraphs.slice(1) : paragraphs,
    };
  }
  if (first !== undefined && paragraphs.length > 1 && readsAsHeadline(first)) return { title: first.trim(), rest: paragraphs.slice(1) };
  throw new AuthoringError(
    `${where} does not read as a headline${first ? ` (${JSON.stringify(first.length > 80 ? `${first.slice(0, 77)}…` : first)})` : ''}; pass the headline with --title "…"`,
  );
}

/** A title the editor gives: one line, 1 to 300 characters. */
function checkTitle(given: string): string {
  const title = given.replace(/\s+/g, ' ').trim();
  if (!title) throw new AuthoringError('--title is empty; give the headline');
  if (title.length > 300) throw new AuthoringError(`--title is ${title.length} characters; a title has at most 300`);
  return title;
}

function importMarkdown(text: string, options: ImportOptions): ImportResult {
  let markdown = text.replace(/^\uFEFF/, '');
  const notes: string[] = [];
  // A frontmatter block of the input is not part of the text.
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  if (frontmatter) {
    markdown = markdown.slice(frontmatter[0].length);
    notes.push('the file’s own frontmatter was left out');
  }
  const tree = parseMarkdown(markdown);
  const removed = sanitizeTree(tree);
  const title = titleFromTree(tree, options.title, 'the first line');
  if (tree.children.length === 0) throw new AuthoringError('the file has a headline but no article text below it');
  demoteHeadings(tree);
  notes.push(...removedNotes(removed));
  return { title, source: {}, body: toMdxBody(tree, { whitespace: 'runs' }).body, notes };
}

/** The title of a converted tree: `--title`, else its first block when it is a top heading or reads as a headline. */
function titleFromTree(tree: Root, given: string | undefined, where: string, fallback?: string): string {
  const first = tree.children[0];
  const firstText = first && (first.type === 'heading' || first.type === 'paragraph') ? blockText(first).trim() : undefined;
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  if (given !== undefined) {
    const title = checkTitle(given);
    if (firstText !== undefined && same(firstText, title)) tree.children.shift();
    return title;
  }
  if (fallback !== undefined) {
    if (firstText !== undefined && same(firstText, fallback)) tree.children.shift();
    return fallback;
  }
  const isTopHeading = first?.type === 'heading' && first.depth <= 2;
  if (firstText && tree.children.length > 1 && (isTopHeading || (first?.type === 'paragraph' && readsAsHeadline(firstText)))) {
    tree.children.shift();
    return firstText;
  }
  throw new AuthoringError(
    `${where} does not read as a headline${firstText ? ` (${JSON.stringify(firstText.length > 80 ? `${firstText.slice(0, 77)}…` : firstText)})` : ''}; pass the headline with --title "…"`,
  );
}

/** The title is the page's top heading: a `#` heading left in the body moves one level down, with those below it. */
function demoteHeadings(tree: Root): void {
  const top = Math.min(...tree.children.map((node) => (node.type === 'heading' ? node.depth : 6)));
  if (top === 1)
    for (const node of tree.children) if (node.type === 'heading') node.depth = Math.min(6, node.depth + 1) as Heading['depth'];
}

function removedNotes(removed: Removed): string[] {
  const notes: string[] = [];
  if (removed.html) notes.push(`${removed.html} piece(s) of HTML left out (an article body is text only)`);
  if (removed.images) notes.push(`${removed.images} image(s) left out`);
  if (removed.links) notes.push(`${removed.links} link(s) that were not http(s) kept as plain text`);
  return notes;
}

/** Turns the article's HTML (as Readability extracted it) into a Markdown tree: headings, lists, quotes, links, emphasis. */
const htmlToMarkdown = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);

/** Source facts a page states in its own metadata; anything it does not state stays out. */
export function pageMetadata(document: Document): { source: Source; title?: string; h1?: string } {
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const source: Source = {};
  const publisher = meta('meta[property="og:site_name"]');
  if (publisher) source.publisher = publisher;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta('meta[property="og:url"]');
  if (canonical && /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(canonical)) {
    try {
      source.url = new URL(canonical).href;
    } catch {
      // not a URL: left out
    }
  }
  const published = isoDay(meta('meta[property="article:published_time"]')) ?? onePublishedTime(document);
  if (published) source.published = published;
  const h1s = [...document.querySelectorAll('h1')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter(Boolean);
  return { source, title: meta('meta[property="og:title"]'), h1: h1s.length === 1 ? h1s[0] : undefined };
}

/** `YYYY-MM-DD` from an ISO date or date-time, as written (no time-zone arithmetic: the day the page states). */
function isoDay(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim()) : null;
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0].slice(0, 10) ? undefined : match[0].slice(0, 10);
}

/** The publication day from `<time datetime>`: the one marked as the publication date, or the only day any `<time>` gives. */
function onePublishedTime(document: Document): string | undefined {
  const marked = document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  const markedDay = isoDay(marked?.getAttribute('datetime') ?? undefined);
  if (markedDay) return markedDay;
  const days = new Set(
    [...document.querySelectorAll('time[datetime]')].map((time) => isoDay(time.getAttribute('datetime') ?? undefined)).filter(Boolean),
  );
  return days.size === 1 ? [...days][0] : undefined;
}

function importHtml(html: string, options: ImportOptions): ImportResult {
  const { document } = parseHTML(html);
  const { source, title: ogTitle, h1 } = pageMetadata(document);
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (!article?.content || (article.textContent ?? '').trim().split(/\s+/).length < 20) {
    throw new AuthoringError(
      'no article text found in this page (it may be an index, a login wall or a page built by JavaScript); save the article text as .txt and import that',
    );
  }
  const hast = htmlToMarkdown.parse(article.content);
  unwrapLayout(hast);
  const tree = htmlToMarkdown.runSync(hast);
  const removed = sanitizeTree(tree);
  // The page's own headline: og:title (less a " | Publisher" suffix the page itself states), else its single <h1>.
  const withoutSite = (title: string | undefined) =>
    title && source.publisher
      ? title.replace(new RegExp(`\\s+[|–—-]\\s+${source.publisher.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '')
      : title;
  const headline = [withoutSite(ogTitle), h1].find(
    (candidate): candidate is string => candidate !== undefined && readsAsHeadline(candidate),
  );
  if (options.title === undefined && headline === undefined) {
    throw new AuthoringError(
      'the page states no headline (no og:title or single <h1> that reads as one); pass the headline with --title "…"',
    );
  }
  const title = titleFromTree(tree, options.title, 'the page', options.title === undefined ? headline : undefined);
  if (tree.children.length === 0) throw new AuthoringError('no article text found in this page below its headline');
  demoteHeadings(tree);
  return { title, source, body: toMdxBody(tree, { whitespace: 'runs' }).body, notes: removedNotes(removed) };
}

/** Readability wraps the article in layout `<div>`s and may keep `<figure>` captions; text elements are what matter. */
function unwrapLayout(tree: HastRoot): void {
  const drop = new Set([
    'figure',
    'figcaption',
    'picture',
    'img',
    'svg',
    'video',
    'audio',
    'iframe',
    'script',
    'style',
    'noscript',
    'form',
    'button',
  ]);
  const visit = (node: HastRoot | HastElement) => {
    node.children = node.children.filter((child) => child.type !== 'element' || !drop.has(child.tagName));
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(tree);
}
