import type { z } from 'astro/zod';
import { articleSchema, type ArticleData, type Claim, type Party, quoteSpans } from '../schemas/article.ts';
import { claimSchema } from '../schemas/claim.ts';
import { partySchema } from '../schemas/party.ts';
import { parseClaimReference } from '../schemas/slug.ts';
import { CONTROL, controlCharacter } from '../schemas/text.ts';
import { collectBlocks, findBodyCode, findUnsafeLinks, parseBody, type TextBlock } from './articleText.ts';
import { type ContentIssue, showValue } from './contentIssues.ts';
import { RESERVED_SLUGS } from './listings.ts';
import { locateQuote, type TextSpan } from './quoteAnchors.ts';

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

/** Checks one article; pushes its issues and returns it when it has no errors. */
export function checkArticle(source: ArticleSource, issues: ContentIssue[]): CheckedArticle | undefined {
  const errorsBefore = countErrors(issues);
  const { file } = source;
  const error = (entry: string | undefined, message: string, fix?: string) => issues.push({ severity: 'error', file, entry, message, fix });
  const warning = (entry: string | undefined, message: string, fix?: string) =>
    issues.push({ severity: 'warning', file, entry, message, fix });

  const blocks = readBlocks(source.body, error);
  const paragraphs = blocks.map((block) => block.text);

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
    if (!NAMELESS_KINDS.has(party.kind) && blocks.length > 0 && !namedInText(party, (searchable ??= searchableText(paragraphs)))) {
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

  if (countErrors(issues) > errorsBefore) return undefined;
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

/** Parses the body into its blocks; MDX code, MDX syntax errors and an empty text are errors. */
function readBlocks(body: string, error: Report): TextBlock[] {
  if (body.trim() === '') {
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
    return [];
  }
  let tree;
  try {
    tree = parseBody(body);
  } catch (cause) {
    const { line, reason } = cause as { line?: number; reason?: string };
    error(
      line ? `body, line ${line}` : 'body',
      `the text cannot be read: ${reason ?? (cause as Error).message}`,
      'the body is MDX: write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`, and leave out HTML comments',
    );
    return [];
  }
  for (const code of findBodyCode(tree)) {
    error(
      code.line ? `body, line ${code.line}` : 'body',
      `${code.what} is MDX code, and an article body is text only: code in it would run when the site is built`,
      'if the source text has these characters, write `{`, `}` and `<` as `\\{`, `\\}` and `\\<`',
    );
  }
  for (const link of findUnsafeLinks(tree)) {
    const where = link.line ? `body, line ${link.line}` : 'body';
    if (link.what === 'an image') {
      error(
        where,
        `an image (${showValue(link.url)}) is not part of the text the site keeps`,
        'leave the image out; if the text refers to it, its words stay',
      );
    } else {
      error(
        where,
        `a link to ${showValue(link.url)}: only http: and https: addresses are allowed`,
        'keep the link text and remove the link, or give its web address',
      );
    }
  }
  const control = controlCharacter(body);
  if (control) {
    const line = body.slice(0, body.search(CONTROL)).split('\n').length;
    error(
      `body, line ${line}`,
      `the text has ${control.replace(/ at character \d+$/, '')}`,
      'remove it: it is not part of what a reader sees',
    );
  }
  const blocks = collectBlocks(tree).map(({ type, text }) => ({ type, text }));
  if (blocks.length === 0)
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
  return blocks;
}

type Report = (entry: string | undefined, message: string, fix?: string) => void;

interface Entries {
  /** The well-formed parties and claims, each with its index in the file. */
  parties: Array<{ value: Party; index: number }>;
  claims: Array<{ value: Claim; index: number }>;
  /** Every party and claim id the file defines, even on an entry that is otherwise malformed. */
  knownPartyIds: string[];
  knownClaimIds: string[];
  slug: string;
  blocks: string[];
}

/** Checks ids, references and quotes of well-formed entries; returns where each quote is and what is used. */
function checkEntries({ parties, claims, knownPartyIds, knownClaimIds, slug, blocks }: Entries, error: Report, warning?: Report) {
  const partyIds = new Set<string>(knownPartyIds);
  const seenParties = new Set<string>();
  parties.forEach(({ value: party, index }) => {
    if ((RESERVED_SLUGS as readonly string[]).includes(party.id)) {
      error(
        partyEntry(party, index),
        `id: "${party.id}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')})`,
        "choose another id, e.g. from the party's name",
      );
    }
    if (seenParties.has(party.id)) {
      error(
        partyEntry(party, index),
        `party id "${party.id}" is defined twice in this article`,
        'give each party one entry; merge the aliases',
      );
    }
    seenParties.add(party.id);
  });

  const claimIds = new Set<string>(knownClaimIds);
  const seenClaims = new Set<string>();
  claims.forEach(({ value: claim, index }) => {
    if (seenClaims.has(claim.id)) {
      error(claimEntry(claim, index), `claim id "${claim.id}" is used twice in this article`, 'give each claim an id of its own');
    }
    seenClaims.add(claim.id);
  });

  const partyList = [...partyIds].join(', ');
  const used = new Set<string>();
  const anchors = new Map<string, TextSpan[]>();
  const coveredBlocks = new Set<number>();

  claims.forEach(({ value: claim, index }) => {
    const entry = claimEntry(claim, index);
    const refs: Array<[string, string]> = [['by', claim.by]];
    if (claim.reportedBy) refs.push(['reportedBy', claim.reportedBy]);
    claim.about.forEach((id, i) => refs.push([`about[${i}]`, id]));
    for (const [field, id] of refs) {
      used.add(id);
      if (!partyIds.has(id)) {
        error(
          entry,
          `${field}: "${id}" is not a party of this article`,
          `use one of the article's party ids (${partyList}), or add the party to \`parties\``,
        );
      }
    }
    if (claim.reportedBy === claim.by) {
      error(entry, `reportedBy: "${claim.reportedBy}" is the claimant itself`, 'leave out reportedBy for a first-hand claim');
    }
    claim.respondsTo.forEach((reference, i) => {
      const { article, claim: id } = parseClaimReference(reference);
      if (article !== undefined && article !== slug) return; // checked across articles, in checkAnswersAcrossArticles
      if (id === claim.id) {
        error(entry, `respondsTo[${i}]: "${reference}" is the claim itself`, 'name the claim this one answers, not itself');
      } else if (!claimIds.has(id)) {
        error(
          entry,
          `respondsTo[${i}]: "${reference}" is not a claim of this article`,
          "use the id of a claim in this article's `claims`, or `<article-slug>#<claim-id>` for a claim of another article",
        );
      }
    });

    const spans = quoteSpans(claim);
    const location = locateQuote(blocks, spans, claim.occurrence);
    const quoteField = (span: number) => (typeof claim.quote === 'string' ? 'quote' : `quote[${span}]`);
    switch (location.status) {
      case 'found':
        anchors.set(claim.id, location.spans);
        for (const span of location.spans) coveredBlocks.add(span.block);
        if (claim.occurrence !== undefined && location.occurrences === 1) {
          warning?.(entry, `occurrence: ${claim.occurrence} is set but the quote occurs only once`, 'leave out `occurrence`');
        }
        break;
      case 'missing': {
        const span = spans[location.span]!;
        const { crossing, nearMatch, invisible } = location;
        if (invisible) {
          error(
            entry,
            invisible.in === 'text'
              ? `${quoteField(location.span)}: ${showValue(span)} differs from block ${invisible.block! + 1} of the text only by an invisible ${invisible.character} there, at character ${invisible.at}`
              : `${quoteField(location.span)}: ${showValue(span)} has an invisible ${invisible.character} at character ${invisible.at}, which the text does not`,
            invisible.in === 'text'
              ? 'copy the quote from the text itself, invisible character included, or remove that character from the text if the source does not have it'
              : 'remove the invisible character from the quote',
          );
        } else if (crossing) {
          error(
            entry,
            `${quoteField(location.span)}: ${showValue(span)} runs from block ${crossing.block + 1} into block ${crossing.block + 2}; one quote string stays inside one block`,
            `write the quote as a list of spans, one per block: quote: [${crossing.parts.map((part) => showValue(part)).join(', ')}]`,
          );
        } else {
          error(
            entry,
            `${quoteField(location.span)}: ${showValue(span)} does not occur verbatim in the text` +
              (nearMatch ? `; block ${nearMatch.block + 1} has ${showValue(nearMatch.text)}` : ''),
            nearMatch
              ? 'copy the quote from the text exactly (apostrophes, dashes and case must match)'
              : 'copy an exact span of one block (paragraph, heading, list item, quotation or table cell) of the text',
          );
        }
        break;
      }
      case 'out-of-order':
        error(
          entry,
          `${quoteField(location.span)}: ${showValue(spans[location.span])} does not follow the span before it in the same block or the next one`,
          'list the spans in reading order, each in the block of the one before it or in the next block',
        );
        break;
      case 'ambiguous':
        error(
          entry,
          `quote: ${showValue(claim.quote)} occurs ${location.occurrences} times in the text (blocks ${location.firstSpans.map((span) => span.block + 1).join(', ')})`,
          `add \`occurrence: N\` (1 to ${location.occurrences}, in reading order) or quote a longer, unique span`,
        );
        break;
      case 'occurrence-out-of-range':
        error(
          entry,
          `occurrence: ${claim.occurrence} is out of range; the quote occurs ${location.occurrences} time(s)`,
          `use an occurrence from 1 to ${location.occurrences}, or leave it out if the quote is unique`,
        );
        break;
    }
  });

  return { anchors, used, coveredBlocks };
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

/**
 * A party id defined in two articles must mean the same party: the same kind (each article may use its
 * own name for it). Unnamed sources are never one party across articles, so their id may not repeat.
 */
export function checkSharedParties(articles: readonly CheckedArticle[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const firstDefinition = new Map<string, { party: Party; file: string }>();
  for (const article of articles) {
    article.data.parties.forEach((party, index) => {
      const first = firstDefinition.get(party.id);
      if (!first) {
        firstDefinition.set(party.id, { party, file: article.file });
        return;
      }
      const entry = partyEntry(party, index);
      if (party.kind === 'unnamed-sources' || first.party.kind === 'unnamed-sources') {
        issues.push({
          severity: 'error',
          file: article.file,
          entry,
          message: `unnamed sources "${party.id}" are also defined in ${first.file}; unnamed sources of two articles are never known to be the same`,
          fix: `give them an id unique to this article, e.g. "${article.slug}-${party.id}"`,
        });
      } else if (first.party.kind !== party.kind) {
        issues.push({
          severity: 'error',
          file: article.file,
          entry,
          message: `kind: ${showValue(party.kind)} differs from ${showValue(first.party.kind)} for the same party id in ${first.file}`,
          fix: 'one id is one party: use the same kind in both articles, or give the parties different ids',
        });
      }
    });
  }
  return issues;
}

/** `respondsTo: ["<article-slug>#<claim-id>"]` must name an article of the site and a claim of it. */
export function checkAnswersAcrossArticles(articles: readonly CheckedArticle[], sources: readonly ArticleSource[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const known = new Map(sources.map((source) => [source.slug, source.file]));
  const claimIds = new Map(articles.map((article) => [article.slug, new Set(article.data.claims.map((claim) => claim.id))]));
  for (const article of articles) {
    article.data.claims.forEach((claim, index) => {
      claim.respondsTo.forEach((reference, i) => {
        const target = parseClaimReference(reference);
        if (target.article === undefined || target.article === article.slug) return;
        const entry = claimEntry(claim, index);
        if (!known.has(target.article)) {
          issues.push({
            severity: 'error',
            file: article.file,
            entry,
            message: `respondsTo[${i}]: "${reference}" names the article "${target.article}", which is not in the content`,
            fix: 'use the file name (without .mdx) of an article in the content folder, then # and the claim id',
          });
        } else if (claimIds.has(target.article) && !claimIds.get(target.article)!.has(target.claim)) {
          issues.push({
            severity: 'error',
            file: article.file,
            entry,
            message: `respondsTo[${i}]: "${reference}": ${known.get(target.article)} has no claim "${target.claim}"`,
            fix: `use the id of a claim in ${known.get(target.article)}`,
          });
        }
      });
    });
  }
  return issues;
}

function countErrors(issues: readonly ContentIssue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}

function claimEntry(claim: Claim, index: number): string {
  return `claims[${index}] "${claim.id}"`;
}

function partyEntry(party: Party, index: number): string {
  return `parties[${index}] "${party.id}"`;
}

/** Turns one Zod issue into a sentence naming the entry, the field, the value and the fix. */
function schemaIssue(file: string, data: unknown, issue: z.core.$ZodIssue): ContentIssue {
  const path = issue.path.map(String);
  let entry: string | undefined;
  let fieldPath = path;
  if ((path[0] === 'claims' || path[0] === 'parties') && path.length >= 2 && /^\d+$/.test(path[1]!)) {
    const item = valueAt(data, path.slice(0, 2));
    const id = isRecord(item) && typeof item.id === 'string' ? ` "${item.id}"` : '';
    entry = `${path[0]}[${path[1]}]${id}`;
    fieldPath = path.slice(2);
  }
  const field = fieldPath.reduce((out, key) => (/^\d+$/.test(key) ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
  const value = valueAt(data, path);
  const prefix = field ? `${field}: ` : '';
  const base = { severity: 'error' as const, file, entry };

  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return { ...base, message: `${prefix}required field is missing`, fix: `add \`${field || path.join('.')}\` (${issue.expected})` };
      }
      return {
        ...base,
        message: `${prefix}${showValue(value)} is not ${withArticle(issue.expected)}`,
        fix: `write ${withArticle(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        ...base,
        message: `${prefix}${showValue(value)} is not an allowed value`,
        fix: `use one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_union':
      return {
        ...base,
        message: `${prefix}${showValue(value)} is neither a string nor a list of strings`,
        fix: 'write one span of the text in quotes, or a list of spans: [“first words”, “later words”]',
      };
    case 'unrecognized_keys':
      return {
        ...base,
        message: `${prefix}unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
        fix: 'check the spelling against the fields listed in the README',
      };
    case 'too_small':
      return { ...base, message: `${prefix}${issue.message}`, fix: Array.isArray(value) ? 'add at least one item' : 'fill it in' };
    default:
      return { ...base, message: `${prefix}${issue.message}${value === undefined ? '' : ` (got ${showValue(value)})`}` };
  }
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
