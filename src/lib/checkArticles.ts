import type { z } from 'astro/zod';
import type { Root } from 'mdast';
import { articleSchema, type ArticleData, type Party } from '../schemas/article.ts';
import { claimSchema } from '../schemas/claim.ts';
import { partySchema } from '../schemas/party.ts';
import type { TextBlock } from './articleText.ts';
import { checkAnswersAcrossArticles, checkSharedParties } from './checkAcrossArticles.ts';
import { readBodyBlocks } from './checkBody.ts';
import { checkEntries } from './checkEntries.ts';
import { type ContentIssue, errorsIn, partyEntry, showValue } from './contentIssues.ts';
import type { TextSpan } from './quoteAnchors.ts';
import { schemaIssue } from './schemaIssues.ts';

/** An article as read from disk, before any check. */
export interface ArticleSource {
  /** Path relative to the project root, for messages. */
  file: string;
  slug: string;
  /** The parsed frontmatter, not yet validated. */
  data: unknown;
  /** The MDX body, with the frontmatter's lines left blank so that line numbers are the file's. */
  body: string;
}

/** An article that passed every check, with each claim's quote located in its text. */
export interface CheckedArticle {
  file: string;
  slug: string;
  data: ArticleData;
  /** Every block of the text a claim can quote, in reading order. */
  blocks: TextBlock[];
  /** For each claim id, where its quote's spans are, in reading order. */
  quoteSpans: Map<string, TextSpan[]>;
}

export interface CheckResult {
  articles: CheckedArticle[];
  issues: ContentIssue[];
}

/** Checks every article alone and all of them together; returns every issue found, never only the first. */
export function checkArticles(sources: readonly ArticleSource[]): CheckResult {
  const issues: ContentIssue[] = [];
  const articles: CheckedArticle[] = [];
  for (const source of sources) {
    const checked = checkArticle(source, issues);
    if (checked) articles.push(checked);
  }
  issues.push(...checkSharedParties(articles), ...checkAnswersAcrossArticles(articles, sources));
  return { articles, issues };
}

/**
 * Checks one article; pushes its issues and returns it when it has no errors. `keepTree` is handed its body's
 * syntax tree, so that rendering it need not parse it again.
 */
export function checkArticle(source: ArticleSource, issues: ContentIssue[], keepTree?: (tree: Root) => void): CheckedArticle | undefined {
  const errorsBefore = errorsIn(issues).length;
  const { file } = source;
  const error = (entry: string | undefined, message: string, fix?: string) => issues.push({ severity: 'error', file, entry, message, fix });
  const warning = (entry: string | undefined, message: string, fix?: string) =>
    issues.push({ severity: 'warning', file, entry, message, fix });

  const read = readBodyBlocks(source.body, error, keepTree);
  const blocks = read ?? [];
  // Undefined when the text could not be read: its quotes are then not looked for.
  const paragraphs = read?.map((block) => block.text);

  const parsed = articleSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push(schemaIssue(file, source.data, issue));
    // Check the parties and claims that are well-formed too, so one run reports every error, not only the schema's.
    const raw = (typeof source.data === 'object' && source.data !== null ? source.data : {}) as { parties?: unknown; claims?: unknown };
    checkEntries(
      {
        parties: entriesThatParse(raw.parties, partySchema),
        claims: entriesThatParse(raw.claims, claimSchema),
        knownPartyIds: idsIn(raw.parties),
        knownClaimIds: idsIn(raw.claims),
        slug: source.slug,
        blocks: paragraphs,
      },
      error,
    );
    return undefined;
  }
  const data = parsed.data;
  const { anchors, used, coveredBlocks } = checkEntries(
    {
      parties: data.parties.map((value, index) => ({ value, index })),
      claims: data.claims.map((value, index) => ({ value, index })),
      knownPartyIds: data.parties.map((party) => party.id),
      knownClaimIds: data.claims.map((claim) => claim.id),
      slug: source.slug,
      blocks: paragraphs,
    },
    error,
    warning,
  );

  if (!data.draft) {
    if (data.parties.length === 0)
      error(
        undefined,
        'parties: an article needs at least one party',
        'add the parties the claims are by and about, or set `draft: true` while you work',
      );
    if (data.claims.length === 0)
      error(undefined, 'claims: an article needs at least one claim', 'add the claims, or set `draft: true` while you work');
  }
  const partyIds = new Set(data.parties.map((party) => party.id));
  let searchable: string | undefined;
  data.parties.forEach((party, index) => {
    if (!used.has(party.id) && !data.parties.some((other) => other.speaksFor === party.id)) {
      warning(
        partyEntry(party, index),
        `party "${party.id}" is defined but no claim is by, reported by or about it`,
        'remove it, or add the claims that concern it',
      );
    }
    if (party.speaksFor === party.id) {
      error(
        partyEntry(party, index),
        `speaksFor: "${party.speaksFor}" is the party itself`,
        'name the party this one speaks for, or leave out speaksFor',
      );
    } else if (party.speaksFor && !partyIds.has(party.speaksFor)) {
      error(
        partyEntry(party, index),
        `speaksFor: "${party.speaksFor}" is not a party of this article`,
        `use one of the article's party ids (${[...partyIds].join(', ')}), or add the party to \`parties\``,
      );
    }
    if (!NAMELESS_KINDS.has(party.kind) && paragraphs && !namedInText(party, (searchable ??= searchableText(paragraphs)))) {
      warning(
        partyEntry(party, index),
        `neither the name ${showValue(party.name)} nor any alias occurs in the text`,
        'add the words the text uses for this party to `aliases`: a party is one the text names',
      );
    }
  });
  // A draft with no claim yet would warn of every block.
  const claimsStarted = data.claims.length > 0;
  blocks.forEach((block, index) => {
    if (claimsStarted && !coveredBlocks.has(index) && (block.type === 'paragraph' || block.type === 'blockquote')) {
      warning(`block ${index + 1} (${block.type})`, 'carries no claim', 'check whether its assertions were extracted');
    }
  });

  if (errorsIn(issues).length > errorsBefore) return undefined;
  return { file, slug: source.slug, data, blocks, quoteSpans: anchors };
}

/** Kinds of party a text may refer to without a name of their own. */
const NAMELESS_KINDS = new Set<Party['kind']>(['publication', 'unnamed-sources']);

/** Whether the party's name or one of its aliases occurs in the text (case and spacing aside). */
function namedInText(party: Party, text: string): boolean {
  return [party.name, ...party.aliases].some((name) => text.includes(name.replace(/\s+/g, ' ').toLowerCase()));
}

/** The text as `namedInText` searches it: one line, single spaces, lower case (made once per article). */
function searchableText(blocks: readonly string[]): string {
  return blocks.join('\n').replace(/\s+/g, ' ').toLowerCase();
}

/** The string ids of a list's entries, whether or not the entries are otherwise well-formed. */
function idsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => (item as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}

/** The entries of a list that pass `schema` on their own, with their index in the list. */
function entriesThatParse<T>(list: unknown, schema: z.ZodType<T>): Array<{ value: T; index: number }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [{ value: parsed.data, index }] : [];
  });
}
