import type { Root } from 'mdast';
import { CONTROL, controlCharacter } from '../schemas/text.ts';
import {
  collectBlocks,
  nestingDepth,
  findBodyCode,
  findUnkeptSyntax,
  findUnsafeLinks,
  MAX_TEXT_DEPTH,
  parseBody,
  type TextBlock,
} from './articleText.ts';
import { type Report, showValue } from './contentIssues.ts';

/** Indentation, `>` and list markers a line may start with: the parser's time grows with the cube of a list's depth. */
const MAX_LINE_PREFIX = 200;
const LINE_PREFIX = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

/** The first line whose indentation and container markers are longer than `MAX_LINE_PREFIX`, and how long. */
function firstDeeplyNestedLine(body: string): { line: number; prefix: number } | undefined {
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const prefix = LINE_PREFIX.exec(lines[i]!)![0].length;
    if (prefix > MAX_LINE_PREFIX) return { line: i + 1, prefix };
  }
  return undefined;
}

const nestingFix = 'write the text as the source has it: a news text nests a list or a quotation a few levels at most';

/**
 * Parses the body into its blocks; MDX code, MDX syntax errors and an empty text are errors. Undefined when
 * the text cannot be read at all (quotes are then not looked for: every one would be reported missing).
 * `keepTree` is handed the syntax tree of a body it read, for the renderer to start from (`remarkParsedTree`).
 */
export function readBodyBlocks(body: string, error: Report, keepTree?: (tree: Root) => void): TextBlock[] | undefined {
  if (body.trim() === '') {
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
    return undefined;
  }
  const deepLine = firstDeeplyNestedLine(body);
  if (deepLine) {
    error(
      `body, line ${deepLine.line}`,
      `the line starts with ${deepLine.prefix} characters of indentation and list or quotation markers; the site reads at most ${MAX_LINE_PREFIX} (a text nested that deep takes minutes to read)`,
      nestingFix,
    );
    return undefined;
  }
  let tree;
  try {
    tree = parseBody(body);
  } catch (cause) {
    if (cause instanceof RangeError) {
      error('body', 'the text cannot be read: it is nested too deeply (lists, block quotes or emphasis inside each other)', nestingFix);
      return undefined;
    }
    const { line, reason } = cause as { line?: number; reason?: string };
    error(
      line ? `body, line ${line}` : 'body',
      `the text cannot be read: ${reason ?? (cause as Error).message}`,
      'the body is MDX: write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`, and leave out HTML comments',
    );
    return undefined;
  }
  // The build renders the text recursively (to HTML, and to JavaScript that Rolldown bundles): a text nested
  // hundreds of levels deep overflows their stacks, and Rolldown's crashes the build with a segmentation fault.
  const nesting = nestingDepth(tree, MAX_TEXT_DEPTH);
  if (nesting.depth > MAX_TEXT_DEPTH) {
    error(
      nesting.line ? `body, line ${nesting.line}` : 'body',
      `the text is nested ${nesting.depth} levels deep from here (lists, block quotes, emphasis or links inside each other); the site reads at most ${MAX_TEXT_DEPTH}`,
      nestingFix,
    );
    return undefined;
  }
  for (const code of findBodyCode(tree)) {
    error(
      code.line ? `body, line ${code.line}` : 'body',
      `${code.what} is MDX code, and an article body is text only: code in it would run when the site is built`,
      'if the source text has these characters, write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`',
    );
  }
  for (const unkept of findUnkeptSyntax(tree)) {
    error(unkept.line ? `body, line ${unkept.line}` : 'body', unkept.what, unkept.fix);
  }
  for (const link of findUnsafeLinks(tree)) {
    const where = link.line ? `body, line ${link.line}` : 'body';
    if (link.what === 'an image') {
      error(
        where,
        `an image (${showValue(link.url)}) is not part of the text the site keeps`,
        'leave the image out; if the text refers to it, its words stay',
      );
    } else {
      error(
        where,
        `a link to ${showValue(link.url)}: only http: and https: addresses are allowed`,
        'keep the link text and remove the link, or give its web address',
      );
    }
  }
  const control = controlCharacter(body);
  if (control) {
    const line = body.slice(0, body.search(CONTROL)).split('\n').length;
    error(
      `body, line ${line}`,
      `the text has ${control.replace(/ at character \d+$/, '')}`,
      'remove it: it is not part of what a reader sees',
    );
  }
  const blocks = collectBlocks(tree).map(({ type, text }) => ({ type, text }));
  if (blocks.length === 0) {
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
    return undefined;
  }
  keepTree?.(tree);
  return blocks;
}
