import { type Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
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
  const sources: ArticleSource[] = [];
  const issues: ContentIssue[] = [];
  const folder = resolve(root, dir);
  const entries = readdirSync(folder, { withFileTypes: true });
  issues.push(...filesNotRead(entries, dir, root, folder));
  for (const name of listArticleFiles(folder)) {
    const path = resolve(folder, name);
    const file = relative(root, path) || join(dir, name);
    const problem = (message: string, fix: string, entry?: string) => issues.push({ severity: 'error', file, entry, message, fix });
    const slug = name.slice(0, -'.mdx'.length);
    if (!SLUG_PATTERN.test(slug)) {
      problem(
        `the file name "${name}" is not a slug, and the page URL is made from it`,
        'rename it to lower-case words joined by hyphens, e.g. "pakistan-rejects-accusation.mdx"',
      );
      continue;
    }
    if (slug.length > MAX_SLUG_LENGTH) {
      problem(
        `the file name is ${slug.length} characters long; a slug has at most ${MAX_SLUG_LENGTH}, so that every page's path fits every file system`,
        'shorten it to a few words of the headline',
      );
      continue;
    }
    if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
      problem(
        `the file name "${name}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')})`,
        'rename it to a few words of the headline, e.g. "pakistan-rejects-accusation.mdx"',
      );
      continue;
    }
    const real = realpathSync(path);
    if (real !== path && !real.startsWith(realpathSync(folder) + sep)) {
      problem(`it is a link to ${real}, outside the articles folder`, 'copy the article into the folder instead of linking to it');
      continue;
    }
    if (!statSync(real).isFile()) {
      problem('it is not a file', 'remove it, or replace it with the article file');
      continue;
    }
    const text = decodeUtf8(readFileSync(real));
    if (typeof text !== 'string') {
      problem(
        `the file is not valid UTF-8: byte ${text.offset} (0x${text.byte.toString(16).padStart(2, '0')}) cannot be read`,
        'save the file as UTF-8 from your editor',
      );
      continue;
    }
    const read = readFrontmatter(text);
    if ('error' in read) {
      problem(read.error, read.fix, 'frontmatter');
      continue;
    }
    sources.push({ file, slug, data: read.data, body: read.body });
  }
  return { sources, issues };
}

/** Files of the folder the build would not read as articles, each reported: nothing is skipped in silence. */
function filesNotRead(entries: Dirent[], dir: string, root: string, folder: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const entry of entries) {
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
  if (!match) {
    return {
      error: 'the file has no frontmatter',
      fix: 'start the file with the frontmatter between two `---` lines (see "Adding an article" in the README)',
    };
  }
  const raw = match[2]!;
  let data: unknown;
  try {
    data = parseYaml(raw, { maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true, prettyErrors: true });
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
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error: 'the frontmatter is not a set of fields', fix: 'write `title:`, `source:`, `parties:` and `claims:` as fields' };
  }
  const body = match[1]!.replace(/[^\r\n]/g, '') + raw.replace(/[^\r\n]/g, '') + text.slice(match.index + match[0].length);
  return { data, body };
}
