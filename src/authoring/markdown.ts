import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { collectBlocks, textBlocks, type TextBlock } from '../lib/articleText.ts';
import { AuthoringError } from './errors.ts';

/** Plain Markdown (CommonMark + GFM, no MDX): how an imported `.md` file is read. */
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/**
 * The serializer for article bodies: remark-stringify with the MDX and GFM extensions, so every character
 * MDX or Markdown would read as syntax (`{`, `<`, a `#` or `-` starting a line, `*`, `[`, `|`, …) is escaped.
 * Two more patterns: a block starting with `import ` or `export ` is an MDX statement, so its first letter is
 * written as a character reference.
 */
const mdxSerializer = unified()
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    resourceLink: true,
    unsafe: [
      { atBreak: true, character: 'i', after: 'mport\\s' },
      { atBreak: true, character: 'e', after: 'xport\\s' },
      { character: '}', inConstruct: 'phrasing' },
    ],
  });

export function parseMarkdown(markdown: string): Root {
  return markdownParser.parse(markdown);
}

/** What was taken out of a tree to make it an article body: counted, so the editor is told. */
export interface Removed {
  html: number;
  images: number;
  links: number;
}

const ALLOWED_LINK = /^https?:\/\//i;

/**
 * Makes a Markdown tree fit to be an article body: HTML and images go (their text stays where there is
 * any), links other than http(s) become their text, a link reference becomes the link its definition gives
 * (or its text), and footnotes go.
 */
export function sanitizeTree(tree: Root): Removed {
  const removed: Removed = { html: 0, images: 0, links: 0 };
  // "[the notice][7]" with "[7]: https://…" below: the link, written inline (its definition goes).
  const definitions = new Map<string, string>();
  const collect = (parent: Parent) => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child.url);
      else if ('children' in child) collect(child);
    }
  };
  collect(tree);
  const visit = (parent: Parent) => {
    const out: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      switch (child.type) {
        case 'html':
          removed.html++;
          continue;
        case 'image':
        case 'imageReference':
          removed.images++;
          continue;
        case 'definition':
        case 'footnoteDefinition':
        case 'footnoteReference':
          continue;
        case 'link':
          if (!ALLOWED_LINK.test(child.url)) {
            removed.links++;
            visit(child);
            out.push(...(child.children as Nodes[]));
            continue;
          }
          child.title = null;
          break;
        case 'linkReference': {
          const url = definitions.get(child.identifier);
          visit(child);
          if (url !== undefined && ALLOWED_LINK.test(url)) out.push({ type: 'link', url, title: null, children: child.children });
          else out.push(...(child.children as Nodes[]));
          continue;
        }
        case 'code':
          // A code block is no article text (the check refuses it): its lines become paragraphs, line breaks kept.
          out.push(...codeAsParagraphs(child.value));
          continue;
        case 'listItem':
          // A task list's box renders a checkbox, not text: the item keeps its words only.
          child.checked = null;
          break;
      }
      if ('children' in child) visit(child);
      out.push(child);
    }
    (parent as { children: Nodes[] }).children = mergeTexts(out);
  };
  visit(tree);
  // A link left with no text (it held only an image) is no link.
  const dropEmptyLinks = (parent: Parent) => {
    (parent as { children: Nodes[] }).children = mergeTexts(
      (parent.children as Nodes[]).filter(
        (child) => !(child.type === 'link' && child.children.every((c) => c.type === 'text' && c.value.trim() === '')),
      ),
    );
    for (const child of parent.children as Nodes[]) if ('children' in child) dropEmptyLinks(child);
  };
  dropEmptyLinks(tree);
  // A paragraph left empty (it held only an image or HTML) is dropped.
  tree.children = tree.children.filter((node) => !(node.type === 'paragraph' && node.children.length === 0));
  return removed;
}

/** The lines of a code block as paragraphs: one per run of lines between blank lines, each line kept by a line break. */
function codeAsParagraphs(value: string): Nodes[] {
  return value
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => ({
      type: 'paragraph',
      children: lines.flatMap((line, i): PhrasingContent[] =>
        i === 0 ? [{ type: 'text', value: line.trim() }] : [{ type: 'break' }, { type: 'text', value: line.trim() }],
      ),
    }));
}

function mergeTexts(nodes: Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}

/**
 * Writes a tree as an MDX article body and proves it by round trip: the body, read by the project's own
 * parser, must give exactly the blocks of the tree (same types, same text). Throws if it does not.
 */
export function toMdxBody(tree: Root, options: { whitespace?: 'exact' | 'runs' } = {}): { body: string; blocks: TextBlock[] } {
  // Plain text must come back character for character. Markdown and HTML may have invisible whitespace
  // (a tab before a line break) that Markdown cannot write: there a run of spaces may come back as another run,
  // which reads the same and which a quote matches the same (any run of whitespace matches any run).
  const same =
    options.whitespace === 'runs'
      ? (a: string, b: string) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ')
      : (a: string, b: string) => a === b;
  const expected = collectBlocks(tree).map(({ type, text }) => ({ type, text }));
  const body = mdxSerializer.stringify(tree).trimEnd() + '\n';
  let blocks: TextBlock[];
  try {
    blocks = textBlocks(body);
  } catch (error) {
    throw new AuthoringError(`the converted text is not valid MDX (${(error as Error).message}); please report this input`);
  }
  const firstDifference = expected.findIndex((block, i) => blocks[i]?.type !== block.type || !same(blocks[i].text, block.text));
  if (firstDifference !== -1 || blocks.length !== expected.length) {
    const at = firstDifference === -1 ? expected.length : firstDifference;
    throw new AuthoringError(
      `the converted text does not read back word for word at block ${at + 1} ` +
        `(expected ${JSON.stringify(expected[at]?.text ?? '')}, got ${JSON.stringify(blocks[at]?.text ?? '')}); please report this input`,
    );
  }
  return { body, blocks };
}

/** A paragraph holding exactly `text` (a `\n` inside it stays a line break). */
export function textParagraph(text: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value: text } satisfies PhrasingContent] };
}
