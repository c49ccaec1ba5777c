import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseFrontmatter as parseFrontmatterAsAstro } from '@astrojs/internal-helpers/frontmatter';
import { constructFromEvents, EVENT_ID, parseEvents } from 'js-yaml';
import { type Document, LineCounter, parseDocument, visit, YAMLError } from 'yaml';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '../schemas/slug.ts';
import type { ContentIssue } from '../lib/contentIssues.ts';
import { RESERVED_SLUGS } from '../lib/listings.ts';
import type { ArticleSource } from '../lib/checkArticles.ts';

/** The article files of a folder: `<slug>.mdx`, files or links to files, sorted by name so every build reads them in one order. */
export function listArticleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.mdx') && (entry.isFile() || entry.isSymbolicLink()))
    .map((entry) => entry.name)
    .sort();
}

/** The YAML frontmatter block, as Astro's loader finds it: between the first two `---` lines. */
const FRONTMATTER = /(^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;
/** YAML aliases expanded at most this many times: a "billion laughs" file fails at once. */
const MAX_YAML_ALIASES = 50;

/** Reads every article of `dir`; a file the build would read but cannot be an article becomes an issue, never a skip. */
export function readArticleSources(dir: string, root = process.cwd()): { sources: ArticleSource[]; issues: ContentIssue[] } {
  const read = readArticleFiles(dir, root, listArticleFiles(resolve(root, dir)));
  return { sources: read.sources, issues: [...filesNotRead(dir, root), ...read.issues] };
}

/** Reads the named article files of `dir` (some of `listArticleFiles`, in their order): each one that cannot be an article becomes an issue. */
export function readArticleFiles(
  dir: string,
  root: string,
  names: readonly string[],
): { sources: ArticleSource[]; issues: ContentIssue[] } {
  const sources: ArticleSource[] = [];
  const issues: ContentIssue[] = [];
  for (const name of names) {
    const text = readArticleText(dir, root, name, issues);
    const source = text && parseArticleText(text, issues);
    if (source) sources.push(source);
  }
  return { sources, issues };
}

/** An article file's text, before its frontmatter is read. */
export interface ArticleText {
  /** Path relative to the project root, for messages. */
  file: string;
  slug: string;
  text: string;
}

/**
 * Reads one named file of `dir` as text: its name must be a slug the site can use, it must be a file in the
 * folder (or a link to one inside it) and valid UTF-8. What it is not becomes an issue in `issues`.
 */
export function readArticleText(dir: string, root: string, name: string, issues: ContentIssue[]): ArticleText | undefined {
  const folder = resolve(root, dir);
  const path = resolve(folder, name);
  const file = relative(root, path) || join(dir, name);
  const problem = (message: string, fix: string) => {
    issues.push({ severity: 'error', file, entry: undefined, message, fix });
    return undefined;
  };
  const slug = name.slice(0, -'.mdx'.length);
  if (!SLUG_PATTERN.test(slug)) {
    return problem(
      `the file name "${name}" is not a slug, and the page URL is made from it`,
      'rename it to lower-case words joined by hyphens, e.g. "pakistan-rejects-accusation.mdx"',
    );
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return problem(
      `the file name is ${slug.length} characters long; a slug has at most ${MAX_SLUG_LENGTH}, so that every page's path fits every file system`,
      'shorten it to a few words of the headline',
    );
  }
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
    return problem(
      `the file name "${name}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')})`,
      'rename it to a few words of the headline, e.g. "pakistan-rejects-accusation.mdx"',
    );
  }
  const real = realpathSync(path);
  if (real !== path && !real.startsWith(realpathSync(folder) + sep)) {
    return problem(`it is a link to ${real}, outside the articles folder`, 'copy the article into the folder instead of linking to it');
  }
  if (!statSync(real).isFile()) return problem('it is not a file', 'remove it, or replace it with the article file');
  const text = decodeUtf8(readFileSync(real));
  if (typeof text !== 'string') {
    return problem(
      `the file is not valid UTF-8: byte ${text.offset} (0x${text.byte.toString(16).padStart(2, '0')}) cannot be read`,
      'save the file as UTF-8 from your editor',
    );
  }
  return { file, slug, text };
}

/** An article file's text as a source to check: its frontmatter read (not yet validated) and its body; a frontmatter that cannot be read becomes an issue. */
export function parseArticleText({ file, slug, text }: ArticleText, issues: ContentIssue[]): ArticleSource | undefined {
  const read = readFrontmatter(text);
  if ('error' in read) {
    issues.push({ severity: 'error', file, entry: 'frontmatter', message: read.error, fix: read.fix });
    return undefined;
  }
  return { file, slug, data: read.data, body: read.body };
}

/** Files of the folder the build would not read as articles, each reported: nothing is skipped in silence. */
export function filesNotRead(dir: string, root: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const folder = resolve(root, dir);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.endsWith('.mdx')) continue;
    const file = relative(root, resolve(folder, entry.name)) || join(dir, entry.name);
    if (entry.isDirectory()) {
      issues.push({
        severity: 'error',
        file,
        message: 'articles in a sub-folder are not read',
        fix: 'move the articles up into the articles folder itself',
      });
    } else if (/\.(mdx|md|markdown)$/i.test(entry.name)) {
      issues.push({
        severity: 'error',
        file,
        message: 'an article file must end in ".mdx" (lower case); this one is not read',
        fix: `rename it to "${entry.name.replace(/\.[^.]+$/, '.mdx')}"`,
      });
    }
  }
  return issues;
}

/** Decodes strict UTF-8; on a byte that cannot be read, says where it is. */
export function decodeUtf8(bytes: Uint8Array): string | { offset: number; byte: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte: the longest prefix that decodes.
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid));
        low = mid;
      } catch {
        high = mid - 1;
      }
    }
    // `low` bytes decode; the sequence starting at or just before `low` is the bad one.
    let offset = low;
    while (offset > 0 && (bytes[offset]! & 0xc0) === 0x80) offset--;
    return { offset, byte: bytes[offset] ?? 0 };
  }
}

/**
 * Splits a file into its YAML frontmatter (parsed as YAML 1.2, aliases bounded, duplicate keys refused) and
 * its body, with the frontmatter's lines left blank so that line numbers in the body are the file's.
 */
export function readFrontmatter(text: string): { data: unknown; body: string } | { error: string; fix: string } {
  if (/^\uFEFF?\s*\+\+\+/.test(text)) {
    return { error: 'the frontmatter is TOML (+++); articles use YAML', fix: 'write the frontmatter as YAML between two `---` lines' };
  }
  const match = FRONTMATTER.exec(text);
  if (!match && /^\uFEFF?\s*---\r(?!\n)/.test(text)) {
    return {
      error: 'the file has no frontmatter the build can find: its lines end in a carriage return alone (CR, an old Mac format)',
      fix: 'save the file with LF (Unix) or CRLF (Windows) line endings',
    };
  }
  if (!match) {
    return {
      error: 'the file has no frontmatter',
      fix: 'start the file with the frontmatter between two `---` lines (see "Adding an article" in the README)',
    };
  }
  const raw = match[2]!;
  const cutShort = frontmatterCutShort(text, match);
  if (cutShort) return cutShort;
  const openingLine = lineOf(text, match.index + match[1]!.length);
  let data = readPlainYaml(raw);
  if (data === undefined) {
    const read = readYaml(raw, openingLine);
    if ('error' in read) return read;
    data = read.data;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error: 'the frontmatter is not a set of fields', fix: 'write `title:`, `source:`, `parties:` and `claims:` as fields' };
  }
  const refused = refusedByAstro(text, openingLine);
  if (refused) return refused;
  const body = match[1]!.replace(/[^\r\n]/g, '') + raw.replace(/[^\r\n]/g, '') + text.slice(match.index + match[0].length);
  return { data, body };
}

/** Where plain YAML ends: a directive, or a `__proto__` key (which readers treat each their own way). */
const NOT_PLAIN = /^%|__proto__/m;

/**
 * The frontmatter's data when it is plain YAML (no tag, anchor, alias or directive, no key twice, no error),
 * read by js-yaml's parser, or `undefined` for the careful reader (`readYaml`) to read and say what is wrong.
 * Both read YAML 1.2's core schema: on plain YAML they give the same data (`articleFiles.test.ts` compares
 * them), and js-yaml takes a sixteenth of the time (1,000 frontmatters: about 0.2 s against 3 s).
 */
export function readPlainYaml(raw: string): unknown {
  if (NOT_PLAIN.test(raw)) return undefined;
  try {
    const events = parseEvents(raw, {});
    for (const event of events) {
      if (event.type === EVENT_ID.ALIAS) return undefined;
      if ('tagStart' in event && (event.tagStart >= 0 || event.anchorStart >= 0)) return undefined;
    }
    // Duplicate keys throw (js-yaml's default), and so do aliases (maxAliases 0).
    return constructFromEvents(events, { source: raw, maxAliases: 0 })[0];
  } catch {
    return undefined;
  }
}

/** The frontmatter read by `yaml`, which says where and what is wrong: duplicate keys refused, tags refused, aliases bounded. */
function readYaml(raw: string, openingLine: number): { data: unknown } | { error: string; fix: string } {
  let data: unknown;
  try {
    const lineCounter = new LineCounter();
    // logLevel 'error': a warning (an unknown tag) is not printed to the console; tags are refused below.
    const document = parseDocument(raw, { uniqueKeys: true, prettyErrors: true, logLevel: 'error', lineCounter });
    if (document.errors.length > 0) throw document.errors[0]!;
    const tag = firstTag(document);
    if (tag) {
      return {
        error: `the frontmatter has a YAML tag, ${tag.tag}, on line ${openingLine + lineCounter.linePos(tag.offset).line - 1}: a field holds plain text, a list or fields`,
        fix: `remove ${tag.tag} before the value`,
      };
    }
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const message =
      error instanceof YAMLError
        ? `${error.message.split('\n')[0]}${error.linePos ? ` (frontmatter line ${error.linePos[0].line})` : ''}`
        : String(error);
    const aliases = /alias/i.test(message);
    return {
      error: `the frontmatter is not valid YAML: ${message}`,
      fix: aliases
        ? `write each value out: YAML aliases may be expanded at most ${MAX_YAML_ALIASES} times`
        : 'check indentation and quoting; strings holding ": " or starting with a quote need quotes around them',
    };
  }
  return { data };
}

/** The first explicit tag of a YAML document (`!!set`, `!!binary`, `!foo`), as written, and where its value starts. */
function firstTag(document: Document): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(document, {
    Node(_key, node) {
      if (!node.tag) return undefined;
      found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** The line (from 1) of `text` that character `index` is on. */
function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * The build reads the frontmatter again with Astro's own reader (js-yaml), which refuses some YAML that the
 * reader above accepts: tags (`!foo`, `!!binary`), control characters even in a comment, unknown escapes.
 * Whatever it refuses would crash the build with a stack trace, so the check refuses it first, at its line.
 */
function refusedByAstro(text: string, openingLine: number): { error: string; fix: string } | undefined {
  try {
    parseFrontmatterAsAstro(text);
    return undefined;
  } catch (cause) {
    const { reason, mark } = cause as { reason?: string; mark?: { line: number } };
    // js-yaml counts lines from 0, from the opening `---` line.
    const at = mark ? ` (line ${openingLine + mark.line})` : '';
    const what = reason ?? (cause as Error).message.split('\n')[0] ?? '';
    return {
      error: `the frontmatter is YAML the build cannot read: ${what}${at}`,
      fix: /tag/.test(what)
        ? 'remove the tag (a word starting with `!`) before the value: fields hold plain text, lists and fields'
        : /non-printable|null byte|JSON character/.test(what)
          ? 'remove the control character'
          : 'check indentation and quoting; strings holding ": " or starting with a quote need quotes around them',
    };
  }
}

/** The schema's top-level fields: one of them right after the closing `---` means the frontmatter was meant to go on. */
const TOP_LEVEL_FIELD = /^(title|dek|draft|source|parties|claims):/;
/** A line opening a YAML block scalar (`key: |`, `- key: >-`, `- |`), its key and its indentation. */
const BLOCK_SCALAR = /^( *(?:- +)*)(?:([^\s:#'"][^:#]*?|"[^"]*"|'[^']*') *: +)?[|>][-+1-9]{0,2} *(?:#.*)?$/;

/**
 * Astro's reader, and so this one, ends the frontmatter at the first line *starting* with `---`. Such a
 * line meant as part of the frontmatter (in a block scalar, or with text after the dashes) would make the
 * fields after it the article's text, reported as "claims: required field is missing": this says what
 * happened, at the file's line.
 */
function frontmatterCutShort(text: string, match: RegExpExecArray): { error: string; fix: string } | undefined {
  const raw = match[2]!;
  const closeAt = match.index + match[0].length - 3;
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const line = lineOf(closeAt);
  const closingEnd = text.indexOf('\n', closeAt);
  const closing = text.slice(closeAt, closingEnd < 0 ? text.length : closingEnd).replace(/\r$/, '');
  const after = closingEnd < 0 ? [] : text.slice(closingEnd + 1).split('\n');
  const nextIndex = after.findIndex((l) => l.trim() !== '');
  const next = nextIndex < 0 ? undefined : after[nextIndex]!.replace(/\r$/, '');
  const nextLine = line + 1 + nextIndex;

  // The block scalar the frontmatter ends in, if any: its opening line and every content line after it indented deeper.
  const rawLines = raw.split('\n').slice(0, -1);
  const firstRawLine = lineOf(match.index + match[1]!.length);
  let scalar: { key: string; line: number; indent: number } | undefined;
  for (let i = rawLines.length - 1; i >= 0; i--) {
    const opening = BLOCK_SCALAR.exec(rawLines[i]!.replace(/\r$/, ''));
    if (!opening) continue;
    const indent = opening[1]!.length;
    const inside = rawLines.slice(i + 1).every((l) => l.trim() === '' || l.length - l.trimStart().length > indent);
    if (inside) scalar = { key: opening[2]?.replace(/^["']|["']$/g, '') ?? 'a list item', line: firstRawLine + i, indent };
    break;
  }
  const continues = next !== undefined && (TOP_LEVEL_FIELD.test(next) || (scalar !== undefined && /^[ \t]/.test(next)));
  const trailing = closing.slice(3).trim();
  if (!trailing && !continues) return undefined;

  const where = scalar
    ? `, inside the block scalar ${scalar.key === 'a list item' ? 'of a list item' : `"${scalar.key}"`} begun on line ${scalar.line}`
    : '';
  const lost = [
    trailing ? `the rest of that line ("${trailing.length > 40 ? `${trailing.slice(0, 40)}…` : trailing}")` : '',
    continues ? `the lines after it (from line ${nextLine}, "${next.trim().slice(0, 40)}")` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    error: `line ${line} starts with "---", which ends the frontmatter there${where}: the build's reader stops at the first line starting with "---", so ${lost} would be read as the article's text, not as frontmatter`,
    fix: scalar
      ? `indent line ${line} like the other lines of the block scalar (an indented "---" is text), or rephrase it so that it does not start with "---" (e.g. "—")`
      : continues
        ? `remove line ${line}, or, if it is part of a value, indent it under its field or put the value in quotes`
        : 'end the frontmatter with a line holding only "---"; a frontmatter line must not start with "---" (indent it under its field, or put the value in quotes)',
  };
}
