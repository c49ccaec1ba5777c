// Imports a raw article as a draft: `npm run new -- <file.txt|.md|.html> [--slug <slug>] [--title <title>] [--markdown]`.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { articlesDir } from '../src/node/env.ts';
import { checkArticleSlug, draftFile, slugify } from '../src/authoring/draft.ts';
import { AuthoringError, parseCommandLine } from '../src/authoring/errors.ts';
import { importArticle } from '../src/authoring/importArticle.ts';
import { decodeInput, formatOf, MAX_INPUT_BYTES } from '../src/authoring/input.ts';

const USAGE = 'usage: npm run new -- <file.txt|file.md|file.html> [--slug <slug>] [--title "<headline>"] [--markdown]';

function main(): void {
  const { values, positionals } = parseCommandLine(USAGE, {
    slug: { type: 'string' },
    title: { type: 'string' },
    markdown: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    console.log('  --markdown  read a .txt file as Markdown (headings, lists, quotes) instead of plain paragraphs');
    return;
  }
  if (positionals.length !== 1) throw new AuthoringError(`give one file to import\n${USAGE}`);
  const input = positionals[0]!;
  const format = formatOf(input);
  let size: number;
  try {
    size = statSync(input).size;
  } catch {
    throw new AuthoringError(`${input}: no such file`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new AuthoringError(`${input} is ${(size / 1024 / 1024).toFixed(1)} MB; an article file may be at most 5 MB`);
  const text = decodeInput(readFileSync(input), basename(input));
  const draft = importArticle(text, format, { title: values.title, markdown: values.markdown });
  const slug = checkArticleSlug(values.slug ?? slugify(draft.title), values.slug ? '--slug' : 'the title');

  const dir = articlesDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${slug}.mdx`);
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AuthoringError(`${path} already exists and is never overwritten; pass --slug <another-slug>, or remove the file first`);
    }
    throw error;
  }
  try {
    writeSync(fd, draftFile(draft));
  } finally {
    closeSync(fd);
  }

  const shown = relative(process.cwd(), path) || path;
  console.log(`wrote ${shown} (draft: true)`);
  console.log(`  title: ${draft.title}`);
  const facts = Object.entries(draft.source).map(([key, value]) => `${key} ${value}`);
  console.log(`  source: ${facts.length ? facts.join(', ') : 'nothing stated by the file; add what you know under source:'}`);
  for (const note of draft.notes) console.log(`  note: ${note}`);
  console.log('\nNext:');
  console.log(`  1. npm run suggest -- ${slug}`);
  console.log('     proposes parties and claims; add --write to put them in the file');
  console.log(`  2. edit ${shown}`);
  console.log('     check every party, claim, kind and summary against the text');
  console.log('  3. npm run check:content');
  console.log('     every quote must be found word for word');
  console.log('  4. remove the line `draft: true`');
  console.log('     the next npm run build publishes the article');
}

try {
  main();
} catch (error) {
  if (error instanceof AuthoringError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`error: ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 2;
  }
}
