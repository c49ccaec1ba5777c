import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { ContentError } from './contentIssues.ts';
import { type MarkTree, nestQuoteSpans, type QuoteSpan } from './quoteMarks.ts';
import { indexArticle, type IndexedArticle } from './referenceIndex.ts';
import { claimAnchor, paragraphAnchor, quoteAnchor } from './urls.ts';
import { checkArticle } from './validateArticles.ts';
import type { ContentIssue } from './contentIssues.ts';

/**
 * Rehype plugin for article bodies: numbers each top-level paragraph (`#p-n`, with a permalink)
 * and wraps each claim's quote in a `<mark id="quote-…">` that links back to `#claim-…`.
 * It reads the claims from the file's frontmatter; files without claims pass through untouched.
 */
export function rehypeClaimMarks() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (!frontmatter || !Array.isArray(frontmatter.claims)) return;
    const path = file.path ?? 'article';
    const issues: ContentIssue[] = [];
    const checked = checkArticle({ file: path, slug: slugOf(path), data: frontmatter, body: String(file.value) }, issues);
    if (!checked) throw new ContentError(issues);
    markArticle(tree, indexArticle(checked));
  };
}

function slugOf(path: string): string {
  return path.split('/').at(-1)!.replace(/\.mdx?$/, '');
}

/** Marks every quote of `article` in its rendered tree; throws if the rendered text is not the checked text. */
export function markArticle(tree: Root, article: IndexedArticle): void {
  const paragraphs = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
  paragraphs.forEach((paragraph, index) => {
    const expected = article.paragraphs[index];
    const rendered = textOf(paragraph);
    if (rendered !== expected) {
      throw new Error(`${article.file}: paragraph ${index + 1} renders as ${JSON.stringify(rendered)}, not as the checked text ${JSON.stringify(expected)}`);
    }
    const spans = (article.claimsInParagraph.get(index) ?? []).map((ref) => ({
      claimId: ref.claim.id,
      start: ref.anchor.start,
      end: ref.anchor.end,
    }));
    markTextRuns(paragraph, spans, { offset: 0 }, article);
    const n = index + 1;
    paragraph.properties = { ...paragraph.properties, id: paragraphAnchor(n) };
    paragraph.children.unshift({
      type: 'element',
      tagName: 'a',
      properties: { className: ['para-link'], href: `#${paragraphAnchor(n)}`, ariaLabel: `Paragraph ${n}` },
      children: [{ type: 'text', value: String(n) }],
    });
  });
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Walks the text runs of `parent` in order, replacing each with its marked pieces. */
function markTextRuns(parent: Element, spans: readonly QuoteSpan[], cursor: { offset: number }, article: IndexedArticle): void {
  const children: ElementContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      markTextRuns(child, spans, cursor, article);
      children.push(child);
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
        first: span.start >= from,
        last: span.end <= to,
      }));
    children.push(...(clipped.length ? toHast(nestQuoteSpans(child.value, clipped), article) : [child]));
  }
  parent.children = children;
}

function toHast(tree: MarkTree, article: IndexedArticle): ElementContent[] {
  return tree.map((node): ElementContent => {
    if (node.type === 'text') return { type: 'text', value: node.value } satisfies Text;
    const ref = article.claimById.get(node.claimId)!;
    const claimant = article.partyById.get(ref.claim.by)!;
    const children = toHast(node.children, article);
    if (node.last) {
      children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['quote-ref'],
          href: `#${claimAnchor(node.claimId)}`,
          ariaLabel: `Claim ${ref.number}, by ${claimant.name}`,
        },
        children: [{ type: 'text', value: String(ref.number) }],
      });
    }
    return {
      type: 'element',
      tagName: 'mark',
      properties: {
        ...(node.first ? { id: quoteAnchor(node.claimId) } : {}),
        className: ['quote', `kind-${ref.claim.kind}`],
        dataClaim: node.claimId,
      },
      children,
    };
  });
}
