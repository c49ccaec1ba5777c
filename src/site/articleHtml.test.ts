import { describe, expect, it } from 'vitest';
import { articleHtml, keepArticleHtml, keepOnlyArticleHtml } from './articleHtml.ts';

describe('articleHtml', () => {
  it('gives the body kept for a slug, forgets those no longer published, and names a body never rendered', () => {
    keepArticleHtml('first', '<p>One.</p>');
    keepArticleHtml('second', '<p>Two.</p>');
    expect(articleHtml('first')).toBe('<p>One.</p>');
    keepOnlyArticleHtml(new Set(['second']));
    expect(articleHtml('second')).toBe('<p>Two.</p>');
    expect(() => articleHtml('first')).toThrow('the body of the article "first" was not rendered');
  });
});
