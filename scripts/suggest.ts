// Proposes parties and claims for an article: `npm run suggest -- <slug> [--json] [--write]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticleSources } from '../src/node/articleFiles.ts';
import { articlesDir } from '../src/node/env.ts';
import { formatIssue } from '../src/lib/contentIssues.ts';
import { checkArticles } from '../src/lib/checkArticles.ts';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { suggestInput } from '../src/authoring/articleInput.ts';
import { AuthoringError, parseCommandLine } from '../src/authoring/errors.ts';
import { mergeIntoFile, suggestionsJson, suggestionsYaml } from '../src/authoring/output.ts';
import { suggest } from '../src/authoring/suggest.ts';

const USAGE = 'usage: npm run suggest -- <slug> [--json] [--write]';

function main(): void {
  const { values, positionals } = parseCommandLine(USAGE, {
    json: { type: 'boolean' },
    write: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1) throw new AuthoringError(`give the slug of one article\n${USAGE}`);
  const slug = positionals[0]!.replace(/\.mdx$/, '').replace(/^.*\//, '');
  const dir = articlesDir();
  const { sources } = readArticleSources(dir);
  const source = sources.find((candidate) => candidate.slug === slug);
  if (!source) {
    throw new AuthoringError(
      `there is no readable article "${slug}" in ${dir} (${sources.length} article(s) there); run npm run check:content to see why a file cannot be read`,
    );
  }
  const result = suggest(suggestInput(source, sources));

  if (values.write) {
    if (result.parties.length === 0 && result.claims.length === 0) {
      console.log(
        `nothing new to add to ${source.file}${result.covered.length ? ` (${result.covered.length} suggestion(s) already covered by its claims)` : ''}; the file is unchanged`,
      );
      return;
    }
    const path = join(dir, `${slug}.mdx`);
    const before = readFileSync(path, 'utf8');
    const after = mergeIntoFile(before, result);
    // The result must check no worse than the file did: every suggestion is verified before anything is written.
    const errors = (text: string) => {
      const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
      const others = sources.filter((other) => other.slug !== slug);
      return checkArticles([...others, { ...source, data: frontmatter, body: content }]).issues.filter(
        (issue) => issue.severity === 'error' && issue.file === source.file,
      );
    };
    const was = errors(before).length;
    const now = errors(after);
    if (now.length > was) {
      throw new AuthoringError(
        `the suggestions would add errors, nothing was written:\n${now.map(formatIssue).join('\n')}\nplease report this article`,
      );
    }
    writeFileSync(path, after);
    console.log(
      `added ${result.parties.length} part${result.parties.length === 1 ? 'y' : 'ies'} and ${result.claims.length} claim(s) to ${source.file}` +
        (result.covered.length ? `; ${result.covered.length} suggestion(s) already covered by its claims` : ''),
    );
    console.log(
      'Next: check each entry against the text (comments say why it was suggested; "# guess" marks a guessed kind), then npm run check:content.',
    );
    return;
  }
  if (values.json) {
    console.log(JSON.stringify(suggestionsJson(result), null, 2));
    return;
  }
  process.stdout.write(suggestionsYaml(result, source.file));
}

try {
  main();
} catch (error) {
  console.error(`error: ${(error as Error)?.message ?? String(error)}`);
  process.exitCode = error instanceof AuthoringError ? 1 : 2;
}
