import { CONTROL, controlCharacter } from '../schemas/text.ts';
import { collectBlocks, findBodyCode, findUnsafeLinks, parseBody, type TextBlock } from './articleText.ts';
import { type Report, showValue } from './contentIssues.ts';

/** Parses the body into its blocks; MDX code, MDX syntax errors and an empty text are errors. */
export function readBodyBlocks(body: string, error: Report): TextBlock[] {
  if (body.trim() === '') {
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
    return [];
  }
  let tree;
  try {
    tree = parseBody(body);
  } catch (cause) {
    const { line, reason } = cause as { line?: number; reason?: string };
    error(
      line ? `body, line ${line}` : 'body',
      `the text cannot be read: ${reason ?? (cause as Error).message}`,
      'the body is MDX: write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`, and leave out HTML comments',
    );
    return [];
  }
  for (const code of findBodyCode(tree)) {
    error(
      code.line ? `body, line ${code.line}` : 'body',
      `${code.what} is MDX code, and an article body is text only: code in it would run when the site is built`,
      'if the source text has these characters, write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`',
    );
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
  if (blocks.length === 0)
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
  return blocks;
}
