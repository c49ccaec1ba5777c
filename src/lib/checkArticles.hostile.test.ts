// The content check on hostile and careless input: every kind refused with a located message, nothing let through.
import { describe, expect, it } from 'vitest';
import { validSource } from '../../tests/fixtures/articleSource.ts';
import { formatIssue } from './contentIssues.ts';
import { errorsOf, messages } from './checkArticles.testing.ts';

describe('hostile and careless input', () => {
  it('refuses links that are not web or e-mail addresses, and images, naming the line', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation, [click](javascript:alert(1)).\n\n![x](https://tracker.example/p.png) The Taliban administration’s spokesperson said Pakistan interferes, [per](https://example.org) [mail](mailto:desk@example.org).\n',
    });
    const errors = errorsOf(source).map(formatIssue);
    expect(errors).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a link to "javascript:alert(1)": only http: and https: addresses are allowed\n    fix: keep the link text and remove the link, or give its web address',
      'error: content/articles/sample.mdx › body, line 3: an image ("https://tracker.example/p.png") is not part of the text the site keeps\n    fix: leave the image out; if the text refers to it, its words stay',
    ]);
  });

  it('refuses a source URL that is not http: or https:', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://example.org/a']) {
      const source = validSource();
      source.data.source = { url };
      expect(messages(source)[0], url).toContain(`source.url: ${JSON.stringify(url)} is not an http: or https: address`);
    }
  });

  it('refuses control characters in a field and in the body, saying where', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\u0007\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.title = 'Sample\u0000 title';
    const text = messages(source).join('\n');
    expect(text).toContain('title: has a control character (U+0000) at character 7; remove it');
    expect(text).toContain('body, line 1: the text has a control character (U+0007)');
  });

  it('refuses a text-direction override in a field and in the body (it turns the rest of the paragraph round), and allows isolates and marks', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\n\nThe Taliban administration’s spokesperson said \u202Emim 3\u202C Pakistan interferes.\n',
    });
    source.data.parties[0].name = 'Pakistan \u202Dforeign office';
    const text = messages(source).join('\n');
    expect(text).toContain('name: has a text-direction override (U+202D) at character 10; remove it');
    expect(text).toContain('body, line 3: the text has a text-direction override (U+202E)');
    const rtl = validSource();
    rtl.data.parties[0].name = 'Pakistan \u2067(پاکستان)\u2069 \u200F';
    expect(messages(rtl).filter((message) => message.includes('override') || message.includes('control'))).toEqual([]);
  });

  it('keeps ids to 100 characters and fields to a sane length', () => {
    const source = validSource();
    source.data.parties[0].id = 'p'.repeat(300);
    source.data.claims[0].summary = 'word '.repeat(400);
    const text = messages(source).join('\n');
    expect(text).toContain("id: at most 100 characters, so that every page's path fits every file system");
    expect(text).toContain('summary: at most 1000 characters');
  });

  it('cuts a long value in a message to its first 80 characters and its length', () => {
    const source = validSource();
    source.data.claims[0].quote = 'x'.repeat(4000);
    const [message] = messages(source);
    expect(message).toContain(`quote: "${'x'.repeat(79)}… (4002 characters) does not occur verbatim in the text`);
    expect(message!.length).toBeLessThan(400);
  });

  it('finds a quote written in the other Unicode normal form', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation of the Café.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n'.normalize(
        'NFC',
      ),
    });
    source.data.claims[1].quote = 'it rejects the accusation of the Café'.normalize('NFD');
    expect(errorsOf(source)).toEqual([]);
  });

  it('says which invisible character keeps a quote from matching, and where', () => {
    const inText = validSource({
      body: 'Pakistan says it rejects the\u200b accusation.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    expect(messages(inText)[0]).toContain(
      'quote: "it rejects the accusation" differs from block 1 of the text only by an invisible U+200B ZERO WIDTH SPACE there, at character 29',
    );
    const inQuote = validSource();
    inQuote.data.claims[1].quote = 'it rejects\u2060 the accusation';
    expect(messages(inQuote)[0]).toContain('has an invisible U+2060 WORD JOINER at character 11, which the text does not');
  });

  it('refuses an empty or blank quote span', () => {
    const source = validSource();
    source.data.claims[1].quote = ['it rejects', '   '];
    expect(messages(source)[0]).toContain('claims[1] "pakistan-rejects": quote[1]:');
  });
  it('refuses a text nested deeper than the build can render (the build crashed on it), at the line the limit is passed', () => {
    const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- item`).join('\n');
    expect(messages(validSource({ body: `Pakistan says it rejects the accusation.\n\n${nestedList(60)}\n` }))).toEqual([
      'error: content/articles/sample.mdx › body, line 22: the text is nested 122 levels deep from here (lists, block quotes, emphasis or links inside each other); the site reads at most 40\n' +
        '    fix: write the text as the source has it: a news text nests a list or a quotation a few levels at most',
    ]);
    expect(messages(validSource({ body: `${'*'.repeat(2000)}x${'*'.repeat(2000)}\n` }))[0]).toContain(
      'body, line 1: the text is nested 1002 levels deep',
    );
    // So deep that the parser itself would run out of stack: a message, not a crash.
    expect(messages(validSource({ body: `${'>'.repeat(10000)} deep\n` }))[0]).toContain(
      'body, line 1: the line starts with 10001 characters of indentation and list or quotation markers',
    );
    const atTheLimit = Array.from({ length: 19 }, (_, level) => `${'  '.repeat(level)}- Pakistan interferes`).join('\n');
    expect(errorsOf(validSource({ body: `Pakistan says it rejects the accusation.\n\n${atTheLimit}\n` })).map(formatIssue)).toEqual([
      expect.stringContaining('occurs 19 times'),
    ]);
  });

  it('does not report every quote missing when the text cannot be read or is empty', () => {
    expect(messages(validSource({ body: 'Pakistan says <javascript:alert(1)> it rejects the accusation.\n' }))).toEqual([
      expect.stringMatching(/^error: content\/articles\/sample\.mdx › body, line 1: the text cannot be read: /),
    ]);
    expect(messages(validSource({ body: ' \n\t\n' }))).toEqual([
      'error: content/articles/sample.mdx › body: the article has no text\n    fix: paste the article text below the frontmatter, one paragraph per source paragraph',
    ]);
  });

  it('refuses a code block and a footnote, which would render apart from the blocks a claim can quote', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.[^1]\n\n```\nsome <script> code\n```\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n\n[^1]: A note.\n',
    });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a footnote mark ([^…]) is not part of the text the site keeps: it links to a footnote shown apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: write the footnote as a paragraph at the end of the text, and remove its mark from the sentence (or write it as `\\[^1]`)',
      'error: content/articles/sample.mdx › body, line 3: a code block (``` or ~~~ fences) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: remove the fences and keep its lines as paragraphs of the text, or leave the block out if it is not part of the article',
      'error: content/articles/sample.mdx › body, line 9: a footnote ([^…]: …) is not part of the text the site keeps: the page would show it apart from the numbered blocks, where no claim can quote it\n' +
        '    fix: write the footnote as a paragraph at the end of the text, without its `[^…]:` label',
    ]);
    // Escaped, the mark is text.
    expect(
      errorsOf(
        validSource({
          body: 'Pakistan says it rejects the accusation.\\[^1]\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
        }),
      ),
    ).toEqual([]);
  });
  it('says when a quote was copied with Markdown the page does not show (emphasis, an escape), and what the page reads', () => {
    const source = validSource({
      body: 'Pakistan says it *rejects* the accusation\\.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.claims[1].quote = 'it *rejects* the accusation\\.';
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[1] "pakistan-rejects": quote: "it *rejects* the accusation\\\\." has Markdown markup the page does not show; block 1 reads "it rejects the accusation."\n' +
        '    fix: quote the words as a reader sees them, without `*`, `_`, `\\`, character references or link syntax: "it rejects the accusation."',
    ]);
    source.body =
      'Pakistan says it rejects the accusation &amp; the claim.\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n';
    source.data.claims[1].quote = 'the accusation &amp; the claim';
    expect(errorsOf(source).map(formatIssue)[0]).toContain(
      'has Markdown markup the page does not show; block 1 reads "the accusation & the claim"',
    );
  });
  it('names each block a repeated quote occurs in once, and at most ten of them', () => {
    const paragraph = 'Pakistan says it rejects the accusation. Pakistan interferes, Pakistan interferes.';
    const source = validSource({ body: Array.from({ length: 40 }, () => paragraph).join('\n\n') });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[0] "taliban-accuses": quote: "Pakistan interferes" occurs 80 times in the text (blocks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (40 blocks))\n' +
        '    fix: add `occurrence: N` (1 to 80, in reading order) or quote a longer, unique span',
      expect.stringContaining('"it rejects the accusation" occurs 40 times'),
    ]);
    source.body = `${paragraph}\n\nThe Taliban administration’s spokesperson.\n`;
    expect(messages(source)[0]).toContain('"Pakistan interferes" occurs 2 times in the text (block 1)');
  });
  it('refuses a task list box and a link with no text, which would put a checkbox or an unnamed link on the page', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation [](https://example.org).\n\n- [ ] The Taliban administration’s spokesperson said Pakistan interferes.\n- \\[x] escaped\n',
    });
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › body, line 1: a link with no text (`[](…)`) would be an empty, unnamed link on the page\n' +
        '    fix: put the words of the text that link inside the brackets, or remove the link',
      'error: content/articles/sample.mdx › body, line 3: a task list box (`[ ]` or `[x]` at the start of a list item) is not part of the text the site keeps: the page would show a checkbox\n' +
        '    fix: if the source shows the brackets as text, write them as `\\[ ]`; otherwise leave them out',
    ]);
  });
  it('refuses a quote, a title or a name of only invisible characters, and shows them escaped', () => {
    const source = validSource({
      body: 'Pakistan says it rejects the accusation.\u200b\u200b\n\nThe Taliban administration’s spokesperson said Pakistan interferes.\n',
    });
    source.data.claims[1].quote = '\u200b\u200b';
    source.data.title = ' \u2060\u200e ';
    const visible = 'has no visible character, only spaces and invisible ones (zero-width, direction marks); write the words';
    expect(errorsOf(source).map(formatIssue)).toEqual([
      `error: content/articles/sample.mdx: title: ${visible} (got " \\u2060\\u200E ")`,
      `error: content/articles/sample.mdx › claims[1] "pakistan-rejects": quote: ${visible} (got "\\u200B\\u200B")`,
    ]);
    // A name that has letters keeps its joiners (Persian writes a zero-width non-joiner inside words).
    source.data.title = 'می\u200cخواهم';
    source.data.claims[1].quote = 'it rejects the accusation';
    expect(errorsOf(source)).toEqual([]);
  });
  it('refuses a claim listed twice in respondsTo (the page listed the answer twice both ways)', () => {
    const source = validSource();
    source.data.claims[1].respondsTo = ['taliban-accuses', 'taliban-accuses'];
    expect(errorsOf(source).map(formatIssue)).toEqual([
      'error: content/articles/sample.mdx › claims[1] "pakistan-rejects": respondsTo[1]: "taliban-accuses" is listed twice\n    fix: list it once: the page would show the answer twice',
    ]);
  });
  it('names the look-alike character that keeps an id from being a slug (a Cyrillic о, a capital)', () => {
    const source = validSource();
    source.data.parties[0].id = 'pakistаn'; // the "a" after "t" is U+0430 CYRILLIC SMALL LETTER A
    expect(messages(source)[0]).toContain('id: "pakistаn" is not a slug (character 7 is U+0430, not a lower-case a–z)');
    source.data.parties[0].id = 'Pakistan';
    expect(messages(source)[0]).toContain('id: "Pakistan" is not a slug (character 1 is U+0050, not a lower-case a–z)');
    source.data.parties[0].id = 'pakistan govt';
    expect(messages(source)[0]).toContain('id: "pakistan govt" is not a slug: use lower-case letters');
  });
});
