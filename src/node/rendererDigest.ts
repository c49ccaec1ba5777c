import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where the code that turns a body into HTML lives: the claim marks and what they use, the config, the pages' helpers. */
const CODE_DIRS = ['src/lib', 'src/site'];
const CODE_FILES = ['astro.config.mjs'];
/** The packages of the Markdown processor; a new version may render a body otherwise. */
const PACKAGES = ['astro', '@astrojs/markdown-remark', 'remark-gfm', 'remark-mdx'];

const digests = new Map<string, string>();

/**
 * A hash of the code a rendered article body depends on: every module under `src/lib` and `src/site` (tests
 * left out), `astro.config.mjs`, and the versions of the Markdown packages. The cache folder keeps each
 * rendered body from one build to the next under its digest; the loader adds this to each body's digest, so that
 * a rebuild after a change to the claim marks renders every body again instead of serving the old HTML.
 */
export function rendererDigest(root: string): string {
  const known = digests.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  const files = [
    ...CODE_DIRS.flatMap((dir) =>
      existsSync(join(root, dir))
        ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile() && /\.(ts|mjs|js)$/.test(entry.name) && !/\.test(ing)?\.ts$/.test(entry.name))
            .map((entry) => relative(root, join(entry.parentPath, entry.name)))
        : [],
    ),
    ...CODE_FILES.filter((file) => existsSync(join(root, file))),
  ].sort();
  for (const file of files)
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(root, file)))
      .update('\n');
  for (const name of PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : undefined;
    hash.update(`${name}@${version ?? 'missing'}\n`);
  }
  const digest = hash.digest('hex');
  digests.set(root, digest);
  return digest;
}
