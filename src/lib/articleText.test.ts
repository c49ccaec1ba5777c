import { describe, expect, it } from 'vitest';
import { collectBlocks, findBodyCode, parseBody, plainText, textBlocks } from './articleText.ts';

describe('textBlocks', () => {
  it('gives each paragraph as the reader sees it: markup gone, escapes resolved', () => {
    const body = 'First “one” — with *emphasis*.\n\nSecond, with an escaped \\{brace\\} and a [link](https://example.org).\n';
    expect(textBlocks(body)).toEqual([
      { type: 'paragraph', text: 'First “one” — with emphasis.' },
      { type: 'paragraph', text: 'Second, with an escaped {brace} and a link.' },
    ]);
  });

  it('reads every block in order, typed: headings, list items (nested too), block quotes, table cells', () => {
    const body = [
      '## A subheading',
      '- First item',
      '  - Nested item',
      '- Second item',
      '> Quoted one.',
      '>',
      '> Quoted two.',
      '| Side | Says |\n| --- | --- |\n| Veloria | It was cut |',
      'Closing paragraph.',
    ].join('\n\n');
    expect(textBlocks(body)).toEqual([
      { type: 'heading', text: 'A subheading' },
      { type: 'list-item', text: 'First item' },
      { type: 'list-item', text: 'Nested item' },
      { type: 'list-item', text: 'Second item' },
      { type: 'blockquote', text: 'Quoted one.' },
      { type: 'blockquote', text: 'Quoted two.' },
      { type: 'cell', text: 'Side' },
      { type: 'cell', text: 'Says' },
      { type: 'cell', text: 'Veloria' },
      { type: 'cell', text: 'It was cut' },
      { type: 'paragraph', text: 'Closing paragraph.' },
    ]);
  });

  it('keeps a line break inside a paragraph as a line break, hard or soft', () => {
    expect(textBlocks('One line\nand the next.\n\nHard  \nbreak.')).toEqual([
      { type: 'paragraph', text: 'One line\nand the next.' },
      { type: 'paragraph', text: 'Hard\nbreak.' },
    ]);
  });

  it('marks the words of a tight list item, which HTML renders with no paragraph of their own', () => {
    const tight = collectBlocks(parseBody('- a\n- b'));
    const loose = collectBlocks(parseBody('- a\n\n- b'));
    expect(tight.map((block) => block.inTightList)).toEqual([true, true]);
    expect(loose.map((block) => block.inTightList)).toEqual([false, false]);
  });

  it('leaves out code blocks and footnote definitions, which are not the article’s prose', () => {
    expect(textBlocks('Text.[^1]\n\n```\ncode\n```\n\n[^1]: A note.')).toEqual([{ type: 'paragraph', text: 'Text.' }]);
  });

  it('joins blocks with a blank line for the plain text', () => {
    expect(
      plainText([
        { type: 'paragraph', text: 'a' },
        { type: 'heading', text: 'b' },
      ]),
    ).toBe('a\n\nb');
  });
});

describe('findBodyCode', () => {
  it('finds every MDX expression, tag and import with its line', () => {
    const tree = parseBody('import x from "y"\n\nText {process.env.SECRET} here.\n\n<Thing />\n\nA <b>bold</b> word.');
    expect(findBodyCode(tree)).toEqual([
      { what: 'an `import` or `export` statement', line: 1 },
      { what: 'a `{…}` expression', line: 3 },
      { what: 'a `<…>` tag', line: 5 },
      { what: 'a `<…>` tag', line: 7 },
    ]);
  });

  it('finds nothing in escaped text', () => {
    expect(findBodyCode(parseBody('A \\{sic\\} and 3 \\< 4.'))).toEqual([]);
  });
});
