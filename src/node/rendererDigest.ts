import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A body's HTML depends on the claim marks and what they use, the config, the pages' helpers and the Markdown packages. */
const RENDERER: CodeParts = {
  dirs: ['src/lib', 'src/site'],
  files: ['astro.config.mjs'],
  packages: ['astro', '@astrojs/markdown-remark', 'remark-gfm', 'remark-mdx'],
};

/**
 * An article's check depends on the checks (`src/lib`), the schemas, the reading of files and frontmatter
 * (`src/node`) and every package they use: the lockfiles, the project's and npm's record of what is installed
 * (`node_modules/.package-lock.json`), stand for all their versions.
 */
const CHECKER: CodeParts = {
  dirs: ['src/lib', 'src/schemas', 'src/node'],
  files: ['package-lock.json', 'node_modules/.package-lock.json'],
  packages: [],
};

interface CodeParts {
  /** Folders whose modules count (tests and test helpers left out). */
  dirs: string[];
  files: string[];
  /** Packages whose version counts, read from `node_modules/<name>/package.json`. */
  packages: string[];
}

const digests = new Map<string, string>();

/**
 * A hash of the code a rendered article body depends on: every module under `src/lib` and `src/site` (tests
 * left out), `astro.config.mjs`, and the versions of the Markdown packages. The cache folder keeps each
 * rendered body from one build to the next under its digest; the loader adds this to each body's digest, so that
 * a rebuild after a change to the claim marks renders every body again instead of serving the old HTML.
 */
export function rendererDigest(root: string): string {
  return codeDigest(root, RENDERER);
}

/**
 * A hash of the code an article's check depends on (`src/lib`, `src/schemas`, `src/node`, the lockfile): the
 * cache folder keeps each file's check under it (`checkMemo.ts`), so that a change to a check checks every file again.
 */
export function checkerDigest(root: string): string {
  return codeDigest(root, CHECKER);
}

function codeDigest(root: string, { dirs, files: named, packages }: CodeParts): string {
  const memo = `${root}\n${dirs.join(',')}\n${named.join(',')}\n${packages.join(',')}`;
  const known = digests.get(memo);
  if (known) return known;
  const hash = createHash('sha256');
  const files = [
    ...dirs.flatMap((dir) =>
      existsSync(join(root, dir))
        ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile() && /\.(ts|mjs|js)$/.test(entry.name) && !/\.test(ing)?\.ts$/.test(entry.name))
            .map((entry) => relative(root, join(entry.parentPath, entry.name)))
        : [],
    ),
    ...named.filter((file) => existsSync(join(root, file))),
  ].sort();
  for (const file of files)
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(root, file)))
      .update('\n');
  for (const name of packages) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
    hash.update(`${name}@${version ?? 'missing'}\n`);
  }
  const digest = hash.digest('hex');
  digests.set(memo, digest);
  return digest;
}
