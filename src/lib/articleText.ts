import type { Heading, List, ListItem, Node, Nodes, Paragraph, Parent, Root, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BlockType } from '../schemas/block.ts';

/** The parser the article body goes through, minus rendering: the same syntax the site's MDX pipeline reads. */
const bodyParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses an MDX body into its syntax tree. */
export function parseBody(body: string): Root {
  return bodyParser.parse(body);
}

/** One block of the article text a claim can quote: block n (from 1) is `#p-n` on the page. */
export interface TextBlock {
  type: BlockType;
  /** The text a reader sees, verbatim (a line break inside the block stays a `\n`). */
  text: string;
}

/** A block with the syntax-tree node it comes from, for the plugins that render it. */
export interface BlockNode extends TextBlock {
  node: Paragraph | Heading | TableCell;
  /** A paragraph of a tight list item: HTML renders its words straight into the `<li>`, with no element of their own. */
  inTightList: boolean;
}

/** Nodes whose text is not part of the reading text: footnote definitions render apart, code blocks are not prose. */
const SKIPPED = new Set(['footnoteDefinition', 'code', 'html', 'definition', 'yaml']);

/**
 * Every block of a parsed body in reading order: paragraphs, headings, the paragraphs of list items
 * and block quotes, and table cells. A paragraph takes the type of its nearest list item or block quote.
 */
export function collectBlocks(tree: Root): BlockNode[] {
  const blocks: BlockNode[] = [];
  const walk = (node: Nodes, container: BlockType, tightList: boolean) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'paragraph') {
      blocks.push({ type: container, text: blockText(node), node, inTightList: container === 'list-item' && tightList });
      return;
    }
    if (node.type === 'heading' || node.type === 'tableCell') {
      blocks.push({ type: node.type === 'heading' ? 'heading' : 'cell', text: blockText(node), node, inTightList: false });
      return;
    }
    if (!('children' in node)) return;
    for (const child of (node as Parent).children as Nodes[]) {
      if (node.type === 'list') walk(child, 'list-item', !isLooseList(node));
      else if (node.type === 'listItem') walk(child, container, tightList);
      else if (node.type === 'blockquote') walk(child, 'blockquote', false);
      else walk(child, container, tightList);
    }
  };
  walk(tree, 'paragraph', false);
  return blocks;
}

/** mdast-util-to-hast's rule: a list is loose when it or any item is spread (or an item has several children). */
function isLooseList(list: List): boolean {
  return Boolean(list.spread) || list.children.some((item: ListItem) => (item.spread ?? item.children.length > 1) === true);
}

/** The text of a block as the rendered page has it: text and code as written, a hard break as a line break, no image text. */
export function blockText(node: Node): string {
  const value = node as Nodes;
  switch (value.type) {
    case 'text':
    case 'inlineCode':
      return value.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in value ? (value as Parent).children.map(blockText).join('') : '';
  }
}

/** What a reader would see of `markdown` (a quote copied from the file with its `*`, `\\` or `[…](…)`): undefined if it is not Markdown text. */
export function shownText(markdown: string): string | undefined {
  try {
    const texts = collectBlocks(parseBody(markdown)).map((block) => block.text);
    return texts.length > 0 ? texts.join(' ') : undefined;
  } catch {
    return undefined;
  }
}

/** The blocks of an MDX body, as a reader sees them. */
export function textBlocks(body: string): TextBlock[] {
  return collectBlocks(parseBody(body)).map(({ type, text }) => ({ type, text }));
}

/** MDX syntax that would run code or emit markup at build time: an article body is text, never code. */
const CODE_NODES: Record<string, string> = {
  mdxjsEsm: 'an `import` or `export` statement',
  mdxFlowExpression: 'a `{…}` expression',
  mdxTextExpression: 'a `{…}` expression',
  mdxJsxFlowElement: 'a `<…>` tag',
  mdxJsxTextElement: 'a `<…>` tag',
};

/** Every place the body uses MDX code instead of text: what it is and its line in the body. */
export function findBodyCode(tree: Root): Array<{ what: string; line?: number }> {
  const found: Array<{ what: string; line?: number }> = [];
  const walk = (node: Node) => {
    const what = CODE_NODES[node.type];
    if (what) {
      found.push({ what, line: node.position?.start.line });
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(tree);
  return found;
}

/** Syntax the page would render apart from the blocks, where no claim can quote it and the open data would leave it out. */
const UNKEPT_NODES: Record<string, { what: string; fix: string }> = {
  code: {
    what: 'a code block (``` or ~~~ fences) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it',
    fix: 'remove the fences and keep its lines as paragraphs of the text, or leave the block out if it is not part of the article',
  },
  footnoteReference: {
    what: 'a footnote mark ([^…]) is not part of the text the site keeps: it links to a footnote shown apart from the numbered blocks, where no claim can quote it',
    fix: 'write the footnote as a paragraph at the end of the text, and remove its mark from the sentence (or write it as `\\[^1]`)',
  },
  footnoteDefinition: {
    what: 'a footnote ([^…]: …) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it',
    fix: 'write the footnote as a paragraph at the end of the text, without its `[^…]:` label',
  },
};

/** A GFM task list item (`- [ ] …`) renders a checkbox, a form control with no label, not text. */
const TASK_BOX = {
  what: 'a task list box (`[ ]` or `[x]` at the start of a list item) is not part of the text the site keeps: the page would show a checkbox',
  fix: 'if the source shows the brackets as text, write them as `\\[ ]`; otherwise leave them out',
};

/** A link with no words is a link a reader cannot see or name. */
const EMPTY_LINK = {
  what: 'a link with no text (`[](…)`) would be an empty, unnamed link on the page',
  fix: 'put the words of the text that link inside the brackets, or remove the link',
};

/** Every code block, footnote, task box and empty link of a body: what it is, its line, and the fix. */
export function findUnkeptSyntax(tree: Root): Array<{ what: string; fix: string; line?: number }> {
  const found: Array<{ what: string; fix: string; line?: number }> = [];
  const walk = (node: Node) => {
    const unkept = UNKEPT_NODES[node.type];
    if (unkept) found.push({ ...unkept, line: node.position?.start.line });
    if (node.type === 'listItem' && typeof (node as ListItem).checked === 'boolean')
      found.push({ ...TASK_BOX, line: node.position?.start.line });
    if (node.type === 'link' && blockText(node).trim() === '') found.push({ ...EMPTY_LINK, line: node.position?.start.line });
    if ('children' in node) for (const child of (node as Parent).children) walk(child);
  };
  walk(tree);
  return found;
}

/** Links the text may carry: web addresses, and e-mail addresses (GFM links those by itself). */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Every link a page would emit that is not a web address, and every image: what it is, its address, its line in the body. */
export function findUnsafeLinks(tree: Root): Array<{ what: string; url: string; line?: number }> {
  const found: Array<{ what: string; url: string; line?: number }> = [];
  const walk = (node: Nodes) => {
    const line = node.position?.start.line;
    if (node.type === 'image') found.push({ what: 'an image', url: node.url, line });
    else if (node.type === 'imageReference') found.push({ what: 'an image', url: node.identifier, line });
    else if ((node.type === 'link' || node.type === 'definition') && !SAFE_URL.test(node.url))
      found.push({ what: 'a link', url: node.url, line });
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** How deeply the syntax tree of a body may nest (a real article's is under 15): the build renders it recursively. */
export const MAX_TEXT_DEPTH = 40;

/** The depth of the deepest node of a body's tree (the root's children are at depth 1), and the line of the first node deeper than `limit`; walked without recursion. */
export function nestingDepth(tree: Root, limit: number): { depth: number; line?: number } {
  let depth = 0;
  let line: number | undefined;
  const stack: Array<[Node, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    depth = Math.max(depth, at);
    if (at > limit && line === undefined) line = node.position?.start.line;
    // Children pushed last first, so that nodes come off the stack in document order.
    if ('children' in node) for (const child of [...(node as Parent).children].reverse()) stack.push([child, at + 1]);
  }
  return { depth, line };
}

/** Separator between blocks in the article's plain text (the text that quote offsets count in). */
export const BLOCK_SEPARATOR = '\n\n';

/** The article's plain text: its blocks joined by a blank line. */
export function plainText(blocks: readonly TextBlock[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}
