import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import { collectBlocks } from './articleText.ts';
import { type MarkTree, nestQuoteSpans, type QuoteSpan } from './quoteMarks.ts';
import { withMarginNotes } from './marginNotes.ts';
import type { ClaimRef, IndexedArticle } from './referenceIndex.ts';
import { claimAnchor, claimTargetClass, paragraphAnchor, quoteAnchor, type SitePaths } from './urls.ts';

/** The hast property that carries a block's index from the remark stage to the rehype stage; removed there. */
const BLOCK_PROPERTY = 'dataStandpointBlock';

/**
 * Remark plugin: tags every block of the text (the same blocks the checks read) with its index, so that
 * the rehype stage finds each one. A tight list item's words get a `<span>` of their own to carry its anchor.
 */
export function remarkTextBlocks() {
  return (tree: MdastRoot) => {
    collectBlocks(tree).forEach((block, index) => {
      // hName and hProperties are mdast-util-to-hast's instructions to the HTML stage.
      const data: { hName?: string; hProperties?: Record<string, unknown> } = (block.node.data ??= {});
      data.hProperties = { ...data.hProperties, [BLOCK_PROPERTY]: index };
      if (block.inTightList) data.hName = 'span';
    });
  };
}

/** Finds the checked, indexed article a rendered file is; undefined for a file that is not an article. */
export type ArticleLookup = (file: VFile) => IndexedArticle | undefined;

/**
 * Rehype plugin for article bodies: numbers each block (`#p-n`, with a permalink), puts the article's
 * headings under the page's own, and wraps each span of each claim's quote in a `<mark>` that links back
 * to `#claim-…`. The article comes from the content gate, checked once.
 */
export function rehypeClaimMarks(options: { lookup: ArticleLookup; paths: SitePaths }) {
  return (tree: HastRoot, file: VFile) => {
    const article = options.lookup(file);
    const blocks = blockElements(tree);
    if (article) markArticle(blocks, article);
    wrapTables(tree);
    if (article) addMarginNotes(tree, blocks, article, options.paths);
    for (const element of blocks) delete element.properties[BLOCK_PROPERTY];
  };
}

/** Each top-level element of the text, with the notes of the claims whose quote begins in it. */
function addMarginNotes(tree: HastRoot, blocks: readonly Element[], article: IndexedArticle, paths: SitePaths): void {
  const indexOf = new Map(blocks.map((element, index) => [element, index]));
  const firstBlock = (ref: ClaimRef) => ref.spans[0]!.block;
  const children: HastRoot['children'] = [];
  for (const child of tree.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const inside = new Set<number>();
    const walk = (node: Element) => {
      const index = indexOf.get(node);
      if (index !== undefined) inside.add(index);
      for (const grandchild of node.children) if (grandchild.type === 'element') walk(grandchild);
    };
    walk(child);
    const refs = [...inside].flatMap((index) => (article.claimsInBlock.get(index) ?? []).filter((ref) => firstBlock(ref) === index));
    if (refs.length === 0) {
      children.push(child);
      continue;
    }
    children.push(
      withMarginNotes(
        child,
        [...new Set(refs)].sort((a, b) => a.number - b.number),
        paths,
      ),
    );
  }
  tree.children = children;
}

/** Puts each table of the text in a scroller a keyboard can reach, so a wide table never widens the page on a phone. */
function wrapTables(parent: HastRoot | Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName !== 'table') {
      wrapTables(child);
      return child;
    }
    alignCellsByClass(child);
    return {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: 'Table from the text (scrolls sideways)' },
      children: [child],
    };
  });
}

/**
 * A column's alignment (`| ---: |`) as a class: the HTML stage would write it as a `style` attribute, which
 * the site's Content-Security-Policy (style-src 'self') blocks, so the alignment would be lost.
 */
function alignCellsByClass(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const { align } = child.properties;
    if ((child.tagName === 'th' || child.tagName === 'td') && typeof align === 'string' && /^(left|right|center)$/.test(align)) {
      delete child.properties.align;
      child.properties.className = [...(child.properties.className ?? []), `align-${align}`];
    }
    alignCellsByClass(child);
  }
}

/** The elements tagged by `remarkTextBlocks`, in document order. */
function blockElements(tree: HastRoot): Element[] {
  const found: Element[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.properties[BLOCK_PROPERTY] !== undefined) found.push(child);
      else walk(child);
    }
  };
  walk(tree);
  return found;
}

/** Marks every quote of `article` in its rendered blocks; throws if the rendered text is not the checked text. */
export function markArticle(blocks: readonly Element[], article: IndexedArticle): void {
  if (blocks.length !== article.blocks.length) {
    throw new Error(`${article.file}: the page has ${blocks.length} blocks of text, the checked article ${article.blocks.length}`);
  }
  // The page's "The text" is an h2: the article's top heading level becomes h3, and no heading skips a level.
  const levels = blocks.filter((element) => /^h[1-6]$/.test(element.tagName)).map((element) => Number(element.tagName[1]));
  const shift = 3 - Math.min(...levels);
  let previousHeading = 2;
  blocks.forEach((element, index) => {
    const expected = article.blocks[index]!.text;
    const rendered = textOf(element);
    if (rendered !== expected) {
      throw new Error(
        `${article.file}: block ${index + 1} renders as ${JSON.stringify(rendered)}, not as the checked text ${JSON.stringify(expected)}`,
      );
    }
    const spans: QuoteSpan[] = [];
    for (const ref of article.claimsInBlock.get(index) ?? []) {
      ref.spans.forEach((span, i) => {
        if (span.block === index) spans.push({ claimId: ref.claim.id, start: span.start, end: span.end, first: i === 0 });
      });
    }
    markTextRuns(element, spans, { offset: 0, link: undefined }, article);
    const n = index + 1;
    element.properties.id = paragraphAnchor(n);
    if (/^h[1-6]$/.test(element.tagName)) {
      previousHeading = Math.min(6, Number(element.tagName[1]) + shift, previousHeading + 1);
      element.tagName = `h${previousHeading}`;
    }
    element.children.unshift({
      type: 'element',
      tagName: 'a',
      properties: { className: ['para-link'], href: `#${paragraphAnchor(n)}`, ariaLabel: `Block ${n}` },
      children: [{ type: 'text', value: String(n) }],
    });
  });
}

/** A footnote reference renders a number that is not part of the text. */
function isFootnoteReference(node: Element): boolean {
  return node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined;
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return isFootnoteReference(node) ? '' : node.children.map(textOf).join('');
  return '';
}

interface Cursor {
  offset: number;
  /** Back-links of quotes that end inside a link: they go after it, since a link may not hold a link. */
  link: ElementContent[] | undefined;
}

/** Walks the text runs of `parent` in order, replacing each with its marked pieces. */
function markTextRuns(parent: Element, spans: readonly QuoteSpan[], cursor: Cursor, article: IndexedArticle): void {
  const children: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (isFootnoteReference(child)) {
        children.push(child);
      } else if (child.tagName === 'a' && cursor.link === undefined) {
        cursor.link = [];
        markTextRuns(child, spans, cursor, article);
        children.push(child, ...cursor.link);
        cursor.link = undefined;
      } else {
        markTextRuns(child, spans, cursor, article);
        children.push(child);
      }
      continue;
    }
    if (child.type !== 'text') {
      children.push(child);
      continue;
    }
    const from = cursor.offset;
    const to = from + child.value.length;
    cursor.offset = to;
    const clipped: QuoteSpan[] = spans
      .filter((span) => span.start < to && span.end > from)
      .map((span) => ({
        claimId: span.claimId,
        start: Math.max(span.start, from) - from,
        end: Math.min(span.end, to) - from,
        // Where the whole quote starts (its anchor), and where each span ends (its back-link).
        first: span.first !== false && span.start >= from,
        last: span.end <= to,
        opens: span.start >= from,
      }));
    children.push(...(clipped.length ? toHast(nestQuoteSpans(child.value, clipped), article, cursor) : [child]));
  }
  parent.children = children;
}

function toHast(tree: MarkTree, article: IndexedArticle, cursor: Cursor): ElementContent[] {
  return tree.map((node): ElementContent => {
    if (node.type === 'text') return { type: 'text', value: node.value } satisfies Text;
    const ref = article.claimById.get(node.claimId)!;
    const claimant = article.partyById.get(ref.claim.by)!;
    const children = toHast(node.children, article, cursor);
    if (node.last) {
      const backLink: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['quote-ref'],
          href: `#${claimAnchor(node.claimId)}`,
          ariaLabel: `Claim ${ref.number}, by ${claimant.name}`,
        },
        children: [{ type: 'text', value: String(ref.number) }],
      };
      if (cursor.link) cursor.link.push(backLink);
      else children.push(backLink);
    }
    const className = ['quote', claimTargetClass(ref.number)];
    if (node.opens) className.push('qs');
    if (node.last) className.push('qe');
    return {
      type: 'element',
      tagName: 'mark',
      properties: { ...(node.first ? { id: quoteAnchor(node.claimId) } : {}), className },
      children,
    };
  });
}
