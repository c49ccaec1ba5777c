/** What kind of block of the article a piece of text is: every block can carry claims. */
export const BLOCK_TYPES = ['paragraph', 'heading', 'list-item', 'blockquote', 'cell'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];
