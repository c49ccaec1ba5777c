import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The parser the article body goes through, minus rendering: the same syntax the site's MDX pipeline reads. */
const bodyParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses an MDX body into its syntax tree. */
export function parseBody(body: string): Root {
  return bodyParser.parse(body);
}

/** The top-level paragraphs of a parsed body, in order: paragraph n (from 1) is `#p-n` on the page. */
export function topLevelParagraphs(tree: Root): Paragraph[] {
  return tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
}

/** The plain text of each top-level paragraph of an MDX body, as a reader sees it. */
export function paragraphTexts(body: string): string[] {
  return topLevelParagraphs(parseBody(body)).map((paragraph) => toString(paragraph));
}

/** Separator between paragraphs in the article's plain text (the text that quote offsets count in). */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** The article's plain text: its paragraphs joined by a blank line. */
export function plainText(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR);
}
