import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { markArticle } from './rehypeClaimMarks.ts';

/** The sample's two blocks as the MDX stage renders them (the HTML given), as markArticle receives them. */
function rendered(html: string): Element[] {
  return fromHtml(html, { fragment: true }).children.filter((node): node is Element => node.type === 'element');
}

const SAMPLE_HTML =
  '<p>Pakistan says it rejects the accusation.</p><p>The Taliban administration’s spokesperson said Pakistan interferes.</p>';

describe('markArticle', () => {
  it('numbers every block, with a permalink, and marks each quote with a back-link to its claim', () => {
    const article = indexedSample();
    const blocks = rendered(SAMPLE_HTML);
    markArticle(blocks, article);
    const [first, second] = blocks;
    expect(first!.properties.id).toBe('p-1');
    expect(select('a.para-link', first)?.properties).toMatchObject({ href: '#p-1', ariaLabel: 'Block 1' });
    expect(second!.properties.id).toBe('p-2');

    const rejects = article.claimById.get('pakistan-rejects')!;
    const mark = select('mark#quote-pakistan-rejects', first)!;
    expect(mark.properties.className).toEqual(['quote', `c${rejects.number}`, 'qs', 'qe']);
    // The mark holds the quote and, at its end, the link back to the claim.
    expect(toString(mark)).toBe(`it rejects the accusation${rejects.number}`);
    expect(select('a.quote-ref', mark)?.properties).toMatchObject({
      href: '#claim-pakistan-rejects',
      ariaLabel: `Claim ${rejects.number}, by Pakistan`,
    });
    const accuses = article.claimById.get('taliban-accuses')!;
    expect(select('a.quote-ref', select('mark#quote-taliban-accuses', second))?.properties.ariaLabel).toBe(
      `Claim ${accuses.number}, by Taliban administration`,
    );
    // The words around the quotes are untouched.
    expect(toString(first!)).toBe(`1Pakistan says it rejects the accusation${rejects.number}.`);
  });

  it('puts the back-link of a quote that ends inside a link after that link, never inside it', () => {
    const blocks = rendered(
      '<p>Pakistan says <a href="https://example.org/">it rejects the accusation</a>.</p><p>The Taliban administration’s spokesperson said Pakistan interferes.</p>',
    );
    markArticle(blocks, indexedSample());
    const link = select('a[href="https://example.org/"]', blocks[0])!;
    expect(select('mark', link)).toBeDefined();
    expect(select('a.quote-ref', link)).toBeUndefined();
    const after = blocks[0]!.children[blocks[0]!.children.indexOf(link) + 1] as Element;
    expect(after.properties.className).toEqual(['quote-ref']);
  });

  it('puts the article’s headings under the page’s own', () => {
    const source = validSource({
      body: '## Rejection\n\nPakistan says it rejects the accusation.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    const blocks = rendered(`<h2>Rejection</h2>${SAMPLE_HTML}`);
    markArticle(blocks, indexedSample(source));
    expect(blocks[0]!.tagName).toBe('h3');
    expect(selectAll('mark', blocks[1])).toHaveLength(1);
  });

  it('refuses a page whose text is not the checked text, naming the block', () => {
    expect(() => markArticle(rendered(SAMPLE_HTML.replace('rejects', 'denies')), indexedSample())).toThrow(
      /sample\.mdx: block 1 renders as "Pakistan says it denies the accusation\.", not as the checked text/,
    );
    expect(() => markArticle(rendered('<p>Pakistan says it rejects the accusation.</p>'), indexedSample())).toThrow(
      /the page has 1 blocks of text, the checked article 2/,
    );
  });
});
