import type { IndexedArticle } from './referenceIndex.ts';

/** English plurals of the nouns the site counts. */
const PLURALS: Record<string, string> = {
  party: 'parties',
  claim: 'claims',
  article: 'articles',
  block: 'blocks',
  paragraph: 'paragraphs',
  page: 'pages',
  'article body': 'article bodies',
};

/** "1 claim", "2 claims", "0 parties": a count with its noun in the right number. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : (PLURALS[noun] ?? `${noun}s`)}`;
}

/** The spans of a quote as one line: joined with an ellipsis where the reporter's words were left out. */
export function joinSpans(spans: readonly string[]): string {
  return spans.map((span) => span.trim().replace(/\s+/g, ' ')).join(' … ');
}

/** The words a page uses for block n of a given type: "paragraph 3", "list item 4", "heading 2". */
export function blockLabel(n: number, type: string): string {
  return `${type === 'cell' ? 'table cell' : type.replace('-', ' ')} ${n}`;
}

/** "26 claims by 7 parties, 11 parties in all, 9 blocks of text": an article's counts in one line. */
export function articleCounts(article: Pick<IndexedArticle, 'claims' | 'claimsByParty' | 'blocks' | 'data'>): string {
  return `${plural(article.claims.length, 'claim')} by ${plural(article.claimsByParty.size, 'party')}, ${plural(article.data.parties.length, 'party')} in all, ${plural(article.blocks.length, 'block')} of text`;
}

/** The one-line description of an article page, for search engines and link previews. */
export function articleDescription(article: Pick<IndexedArticle, 'claims' | 'claimsByParty' | 'data'>): string {
  return `${plural(article.claims.length, 'claim')} by ${plural(article.claimsByParty.size, 'party')} in “${article.data.title}”: who claims what about whom, each linked to the words of the text.`;
}
