import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { decodeUtf8, readArticleSources, readFrontmatter, readPlainYaml } from './articleFiles.ts';
import { formatIssue } from '../lib/contentIssues.ts';

const ARTICLE = '---\ntitle: A\nparties: []\n---\n\nText.\n';

/** A folder of files, written for one test; returns the messages reading it gives. */
function read(files: Record<string, string | Uint8Array>, setup?: (dir: string) => void) {
  const root = mkdtempSync(join(tmpdir(), 'standpoint-files-'));
  const dir = join(root, 'articles');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  setup?.(dir);
  const result = readArticleSources('articles', root);
  return { ...result, messages: result.issues.map(formatIssue) };
}

describe('readArticleSources', () => {
  it('reads an article, keeping the body on the file’s own line numbers', () => {
    const { sources, issues } = read({ 'a.mdx': ARTICLE });
    expect(issues).toEqual([]);
    expect(sources[0]!.body.split('\n')[5]).toBe('Text.');
    expect(sources[0]!.data).toEqual({ title: 'A', parties: [] });
  });

  it('reads a plain YAML date as the string it is written as', () => {
    const { sources } = read({ 'a.mdx': '---\ntitle: A\nsource:\n  published: 2023-01-05\n---\n\nText.\n' });
    expect((sources[0]!.data as { source: unknown }).source).toEqual({ published: '2023-01-05' });
  });

  it('reports, never skips, what the build would not read: other extensions and sub-folders', () => {
    const { messages } = read({ 'b.md': ARTICLE, 'c.MDX': ARTICLE, 'notes.txt': 'x' }, (dir) => mkdirSync(join(dir, 'more')));
    expect(messages).toEqual([
      'error: articles/b.md: an article file must end in ".mdx" (lower case); this one is not read\n    fix: rename it to "b.mdx"',
      'error: articles/c.MDX: an article file must end in ".mdx" (lower case); this one is not read\n    fix: rename it to "c.mdx"',
      'error: articles/more: articles in a sub-folder are not read\n    fix: move the articles up into the articles folder itself',
    ]);
  });

  it('refuses a link to a file outside the articles folder, and reads one inside it', () => {
    const { sources, messages } = read({ 'a.mdx': ARTICLE }, (dir) => {
      writeFileSync(join(dir, '..', 'outside.txt'), ARTICLE);
      symlinkSync(join(dir, '..', 'outside.txt'), join(dir, 'leak.mdx'));
      symlinkSync(join(dir, 'a.mdx'), join(dir, 'same.mdx'));
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^error: articles\/leak\.mdx: it is a link to .*outside\.txt, outside the articles folder/);
    expect(sources.map((source) => source.slug)).toEqual(['a', 'same']);
  });

  it('names the byte offset of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0x41, 0xff, 0x42])]);
    const { messages } = read({ 'a.mdx': bytes });
    expect(messages[0]).toBe(
      `error: articles/a.mdx: the file is not valid UTF-8: byte ${ARTICLE.length + 1} (0xff) cannot be read\n    fix: save the file as UTF-8 from your editor`,
    );
  });

  it('refuses a slug over 100 characters and the names the site keeps', () => {
    const { messages } = read({ [`${'a'.repeat(251)}.mdx`]: ARTICLE, 'index.mdx': ARTICLE });
    expect(messages.join('\n')).toContain('the file name is 251 characters long; a slug has at most 100');
    expect(messages.join('\n')).toContain('the file name "index.mdx" is a name the site keeps for its own pages');
  });
});

describe('readFrontmatter', () => {
  it('refuses a YAML alias bomb at once, with a clear message', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      '---',
      'Text.',
    ].join('\n');
    const started = Date.now();
    const result = readFrontmatter(bomb);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({
      error: expect.stringMatching(/^the frontmatter is not valid YAML: .*alias/i),
      fix: expect.stringContaining('aliases may be expanded at most 50 times'),
    });
  });

  it('refuses TOML frontmatter, a file with none, and duplicate keys', () => {
    expect(readFrontmatter('+++\ntitle = "A"\n+++\nText.')).toMatchObject({ error: 'the frontmatter is TOML (+++); articles use YAML' });
    expect(readFrontmatter('Just text.')).toMatchObject({ error: 'the file has no frontmatter' });
    expect(readFrontmatter('---\ntitle: A\ntitle: B\n---\nText.')).toMatchObject({
      error: expect.stringContaining('the frontmatter is not valid YAML'),
    });
  });
});

describe('readPlainYaml (the quick reader of plain YAML)', () => {
  /** What the careful reader (`yaml`, YAML 1.2's core schema) makes of it. */
  const careful = (raw: string) => parseDocument(raw, { uniqueKeys: true }).toJS();
  const scalars = [
    ...[
      '0',
      '-0',
      '+12',
      '007',
      '0o17',
      '0o8',
      '0x1F',
      '0xg',
      '0b101',
      '1_000',
      '1e3',
      '-1.5E-3',
      '.5',
      '5.',
      '1.2.3',
      '+.inf',
      '-.Inf',
      '.NAN',
      '.nan',
      '12345678901234567890',
    ],
    ...['true', 'True', 'TRUE', 'tRue', 'yes', 'No', 'on', 'off', 'y', 'n', '~', 'null', 'Null', 'NULL', 'nULL', ''],
    ...[
      '2025-03-14',
      '2025-03-14T10:00:00Z',
      '12:30',
      '1:2:3',
      '0.1.2',
      '"quoted: yes"',
      "'single ''quoted'''",
      '"esc \\t \\u00e9 \\x41 \\/ \\N \\_"',
    ],
    ...[
      'plain: with colon',
      'a#b',
      'a #comment',
      '“curly” — dash',
      'Ünïcödé 中文 عربى 🙂',
      '"line\\nbreak"',
      '[a, "b", 3, {c: d}]',
      '{a: 1, b: [x, y]}',
      '[]',
      '{}',
    ],
    ...[
      '|\n  literal\n   kept\n\n',
      '|-\n  strip\n',
      '|+\n  keep\n\n',
      '>\n  folded\n  text\n\n  para\n',
      '>-\n  folded\n    more\n  back\n',
      '|2\n    indented\n',
    ],
    ...['first line\n  continued plain\n  and more', '"double\n  folded\n\n  para"', "'single\n  folded'", 'a\tb', '"\\ttab"'],
  ];
  it('reads plain YAML as the careful reader does', () => {
    let readQuickly = 0;
    let shapesRead = 0;
    for (const value of scalars) {
      const shapes = [
        `title: ${value}\n`,
        `list:\n  - ${value.replace(/\n/g, '\n    ')}\n  - x\n`,
        `a:\n  b: ${value.replace(/\n/g, '\n    ')}\n`,
      ];
      // And each with Windows line endings.
      for (const raw of [...shapes, ...shapes.map((shape) => shape.replace(/\n/g, '\r\n'))]) {
        const quick = readPlainYaml(raw);
        let expected: unknown;
        try {
          expected = careful(raw);
        } catch {
          // The careful reader refuses it: the quick reader must leave it to the careful one.
          expect(quick, JSON.stringify(raw)).toBeUndefined();
          continue;
        }
        shapesRead++;
        if (quick === undefined) continue;
        readQuickly++;
        expect(quick, JSON.stringify(raw)).toStrictEqual(expected);
      }
    }
    // Left to the careful reader only where readers may differ: nearly every shape here is read quickly.
    expect(readQuickly).toBeGreaterThan(shapesRead * 0.9);
    // Whole frontmatters: the seed's and every fixture's (real articles, news shapes, markup) are read quickly, to the same data.
    const files = ['content', 'tests/fixtures'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.mdx'))
        .map((file) => join(dir, file)),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const raw = /^---\n([\s\S]*?\n)---/.exec(readFileSync(name, 'utf8'))![1]!;
      const quick = readPlainYaml(raw);
      expect(quick, name).toBeDefined();
      expect(quick, name).toStrictEqual(careful(raw));
    }
  });

  it('leaves to the careful reader what it refuses or reads its own way: tags, anchors, aliases, keys twice, directives, __proto__, errors', () => {
    for (const raw of [
      'title: !!str A\n',
      'title: !foo A\n',
      'list: !!seq [a]\n',
      'a: &x A\nb: *x\n',
      'a: &x A\n',
      'title: A\ntitle: B\n',
      '%YAML 1.1\n',
      '__proto__: {a: 1}\n',
      'title: "unclosed\n',
      'title: [a, b\n',
      '  bad:\n indent: x\n',
      '',
    ]) {
      expect(readPlainYaml(raw), JSON.stringify(raw)).toBeUndefined();
    }
    // Not a set of fields, but plain YAML: readFrontmatter says what is wrong with it.
    expect(readPlainYaml('just a string\n')).toBe('just a string');
    // Read through readFrontmatter, they get the careful reader's messages (tags above, keys twice, errors).
    expect(readFrontmatter('---\ntitle: "unclosed\n---\nText.')).toMatchObject({
      error: expect.stringContaining('the frontmatter is not valid YAML'),
    });
  });
});

describe('YAML the build’s own reader refuses', () => {
  it('refuses a YAML tag, naming it and its line, and prints no warning', () => {
    for (const [value, tag] of [
      ['!foo Base', '!foo'],
      ["!!js/function 'function () {}'", '!!js/function'],
      ['!!binary aGk=', '!!binary'],
      ['!!str Base', '!!str'],
    ]) {
      expect(readFrontmatter(`---\nsource: {}\ntitle: ${value}\n---\nText.`), value).toEqual({
        error: `the frontmatter has a YAML tag, ${tag}, on line 3: a field holds plain text, a list or fields`,
        fix: `remove ${tag} before the value`,
      });
    }
    // A set would pass the schema as an empty object, a field whose entries vanish.
    expect(readFrontmatter('---\ntitle: A\nsource: !!set {url, publisher}\n---\nText.')).toMatchObject({
      error: expect.stringContaining('a YAML tag, !!set, on line 3'),
    });
  });

  it('refuses what Astro’s reader (js-yaml) cannot read, at its line, even where the YAML library reads it', () => {
    expect(readFrontmatter('---\ntitle: A\ndek: "B\u0007"\n---\nText.')).toEqual({
      error: 'the frontmatter is YAML the build cannot read: expected valid JSON character (line 3)',
      fix: 'remove the control character',
    });
  });

  it('reads nothing the build’s reader refuses', () => {
    const values = [
      '!foo x',
      '!!null ""',
      '!!bool yes',
      '"\u0007"',
      '\u0007',
      '"\\/"',
      'a # \u0007',
      '|\n  ok',
      '[a, b]',
      '&x a',
      '2025-03-14',
    ];
    for (const value of values) {
      const text = `---\ntitle: ${value}\n---\nText.`;
      if ('data' in readFrontmatter(text)) expect(() => parseFrontmatter(text), value).not.toThrow();
    }
  });

  it('says so when the lines end in a carriage return alone', () => {
    expect(readFrontmatter('---\rtitle: A\r---\rText.\r')).toEqual({
      error: 'the file has no frontmatter the build can find: its lines end in a carriage return alone (CR, an old Mac format)',
      fix: 'save the file with LF (Unix) or CRLF (Windows) line endings',
    });
    expect(readFrontmatter('---\r\ntitle: A\r\n---\r\nText.\r\n')).toMatchObject({ data: { title: 'A' } });
  });
});

describe('a line starting with "---" inside the frontmatter', () => {
  // The dek's block scalar holds a line of dashes at the start of a line: the build's reader ends the frontmatter there.
  const CUT_IN_BLOCK_SCALAR = [
    '---',
    'title: A',
    'dek: |',
    '  The first part of the standfirst',
    '--- and its second part',
    '  goes on here',
    'parties: []',
    'claims: []',
    '---',
    '',
    'Text.',
  ].join('\n');

  it('is a located error naming the block scalar and what would be lost, not "claims: required field is missing"', () => {
    const { sources, messages } = read({ 'a.mdx': CUT_IN_BLOCK_SCALAR });
    expect(sources).toEqual([]);
    expect(messages).toEqual([
      'error: articles/a.mdx › frontmatter: line 5 starts with "---", which ends the frontmatter there, inside the block scalar "dek" begun on line 3: ' +
        'the build\'s reader stops at the first line starting with "---", so the rest of that line ("and its second part") and the lines after it ' +
        '(from line 6, "goes on here") would be read as the article\'s text, not as frontmatter\n' +
        '    fix: indent line 5 like the other lines of the block scalar (an indented "---" is text), or rephrase it so that it does not start with "---" (e.g. "—")',
    ]);
  });

  it('mirrors Astro’s own reader, which ends the frontmatter at the same line', () => {
    // Lines 2–4: the frontmatter Astro would parse stops before line 5.
    expect(extractFrontmatter(CUT_IN_BLOCK_SCALAR)).toBe('\ntitle: A\ndek: |\n  The first part of the standfirst\n');
  });

  it('ends the frontmatter early between two fields, and says so', () => {
    const { messages } = read({ 'a.mdx': '---\ntitle: A\n---\nparties: []\nclaims: []\n---\n\nText.\n' });
    expect(messages).toEqual([
      'error: articles/a.mdx › frontmatter: line 3 starts with "---", which ends the frontmatter there: the build\'s reader stops at the first line ' +
        'starting with "---", so the lines after it (from line 4, "parties: []") would be read as the article\'s text, not as frontmatter\n' +
        '    fix: remove line 3, or, if it is part of a value, indent it under its field or put the value in quotes',
    ]);
  });

  it('is no error when indented inside the block scalar, or when a frontmatter ending in a block scalar is followed by the text', () => {
    const indented = readFrontmatter('---\ntitle: A\ndek: |\n  First\n  ---\n  second\nparties: []\n---\n\nText.\n');
    expect(indented).toMatchObject({ data: { dek: 'First\n---\nsecond\n', parties: [] } });
    const endsInScalar = readFrontmatter('---\ntitle: A\nsource:\n  note: |\n    A note\n---\n\nText: with a colon.\n');
    expect(endsInScalar).toMatchObject({ data: { source: { note: 'A note\n' } } });
  });
});

describe('decodeUtf8', () => {
  it('finds the first bad byte, at the start of a broken sequence', () => {
    expect(decodeUtf8(Buffer.from('héllo'))).toBe('héllo');
    expect(decodeUtf8(Uint8Array.from([0x61, 0xe2, 0x82]))).toEqual({ offset: 1, byte: 0xe2 });
  });
});
