import type { z } from 'astro/zod';
import { articleSchema, type ArticleData, type Claim, type Party } from '../schemas/article.ts';
import { claimSchema } from '../schemas/claim.ts';
import { partySchema } from '../schemas/party.ts';
import { paragraphTexts } from './articleText.ts';
import { type ContentIssue, showValue } from './contentIssues.ts';
import { type QuoteAnchor, locateQuote } from './quoteAnchors.ts';

/** An article as read from disk, before any check. */
export interface ArticleSource {
  /** Path relative to the project root, for messages. */
  file: string;
  slug: string;
  /** The parsed frontmatter, not yet validated. */
  data: unknown;
  /** The MDX body. */
  body: string;
}

/** An article that passed every check, with each claim's quote located in its text. */
export interface CheckedArticle {
  file: string;
  slug: string;
  data: ArticleData;
  paragraphs: string[];
  anchors: Map<string, QuoteAnchor>;
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
  issues.push(...checkSharedParties(articles));
  return { articles, issues };
}

/** Checks one article; pushes its issues and returns it when it has no errors. */
export function checkArticle(source: ArticleSource, issues: ContentIssue[]): CheckedArticle | undefined {
  const errorsBefore = countErrors(issues);
  const { file } = source;
  const error = (entry: string | undefined, message: string, fix?: string) =>
    issues.push({ severity: 'error', file, entry, message, fix });
  const warning = (entry: string | undefined, message: string, fix?: string) =>
    issues.push({ severity: 'warning', file, entry, message, fix });

  const paragraphs = source.body.trim() === '' ? [] : paragraphTexts(source.body);
  if (paragraphs.length === 0) {
    error('body', 'the article has no text', 'paste the article text below the frontmatter, one paragraph per source paragraph');
  }

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
        paragraphs,
      },
      error,
    );
    return undefined;
  }
  const data = parsed.data;
  const { anchors, used, coveredParagraphs } = checkEntries(
    {
      parties: data.parties.map((value, index) => ({ value, index })),
      claims: data.claims.map((value, index) => ({ value, index })),
      knownPartyIds: data.parties.map((party) => party.id),
      knownClaimIds: data.claims.map((claim) => claim.id),
      paragraphs,
    },
    error,
    warning,
  );

  data.parties.forEach((party, index) => {
    if (!used.has(party.id)) {
      warning(partyEntry(party, index), `party "${party.id}" is defined but no claim is by, reported by or about it`, 'remove it, or add the claims that concern it');
    }
  });
  paragraphs.forEach((_, index) => {
    if (!coveredParagraphs.has(index)) {
      warning(`paragraph ${index + 1}`, 'carries no claim', 'check whether its assertions were extracted');
    }
  });

  if (countErrors(issues) > errorsBefore) return undefined;
  return { file, slug: source.slug, data, paragraphs, anchors };
}

type Report = (entry: string | undefined, message: string, fix?: string) => void;

interface Entries {
  /** The well-formed parties and claims, each with its index in the file. */
  parties: Array<{ value: Party; index: number }>;
  claims: Array<{ value: Claim; index: number }>;
  /** Every party and claim id the file defines, even on an entry that is otherwise malformed. */
  knownPartyIds: string[];
  knownClaimIds: string[];
  paragraphs: string[];
}

/** Checks ids, references and quotes of well-formed entries; returns where each quote is and what is used. */
function checkEntries({ parties, claims, knownPartyIds, knownClaimIds, paragraphs }: Entries, error: Report, warning?: Report) {
  const partyIds = new Set<string>(knownPartyIds);
  const seenParties = new Set<string>();
  parties.forEach(({ value: party, index }) => {
    if (seenParties.has(party.id)) {
      error(partyEntry(party, index), `party id "${party.id}" is defined twice in this article`, 'give each party one entry; merge the aliases');
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
  const anchors = new Map<string, QuoteAnchor>();
  const coveredParagraphs = new Set<number>();

  claims.forEach(({ value: claim, index }) => {
    const entry = claimEntry(claim, index);
    const refs: Array<[string, string]> = [['by', claim.by]];
    if (claim.reportedBy) refs.push(['reportedBy', claim.reportedBy]);
    claim.about.forEach((id, i) => refs.push([`about[${i}]`, id]));
    for (const [field, id] of refs) {
      used.add(id);
      if (!partyIds.has(id)) {
        error(entry, `${field}: "${id}" is not a party of this article`, `use one of the article's party ids (${partyList}), or add the party to \`parties\``);
      }
    }
    if (claim.reportedBy === claim.by) {
      error(entry, `reportedBy: "${claim.reportedBy}" is the claimant itself`, 'leave out reportedBy for a first-hand claim');
    }
    claim.respondsTo.forEach((id, i) => {
      if (id === claim.id) {
        error(entry, `respondsTo[${i}]: "${id}" is the claim itself`, 'name the claim this one answers, not itself');
      } else if (!claimIds.has(id)) {
        error(entry, `respondsTo[${i}]: "${id}" is not a claim of this article`, 'use the id of a claim in this article\'s `claims`');
      }
    });

    const location = locateQuote(paragraphs, claim.quote, claim.occurrence);
    switch (location.status) {
      case 'found':
        anchors.set(claim.id, location.anchor);
        coveredParagraphs.add(location.anchor.paragraph);
        if (claim.occurrence !== undefined && location.occurrences === 1) {
          warning?.(entry, `occurrence: ${claim.occurrence} is set but the quote occurs only once`, 'leave out `occurrence`');
        }
        break;
      case 'missing':
        error(
          entry,
          `quote: ${showValue(claim.quote)} does not occur verbatim in the text` +
            (location.nearMatch ? `; paragraph ${location.nearMatch.paragraph + 1} has ${showValue(location.nearMatch.text)}` : ''),
          location.nearMatch
            ? 'copy the quote from the text exactly (apostrophes, dashes, spaces and case must match)'
            : 'copy an exact span of one paragraph of the text',
        );
        break;
      case 'ambiguous':
        error(
          entry,
          `quote: ${showValue(claim.quote)} occurs ${location.occurrences} times in the text (paragraphs ${location.anchors.map((a) => a.paragraph + 1).join(', ')})`,
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

  return { anchors, used, coveredParagraphs };
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

/** A party id defined in two articles must mean the same party: same name, same kind. */
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
      for (const field of ['name', 'kind'] as const) {
        if (first.party[field] !== party[field]) {
          issues.push({
            severity: 'error',
            file: article.file,
            entry: partyEntry(party, index),
            message: `${field}: ${showValue(party[field])} differs from ${showValue(first.party[field])} for the same party id in ${first.file}`,
            fix: `one id is one party: use the same ${field} in both articles, or give the parties different ids`,
          });
        }
      }
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
      return { ...base, message: `${prefix}${showValue(value)} is not ${withArticle(issue.expected)}`, fix: `write ${withArticle(issue.expected)}` };
    case 'invalid_value':
      return {
        ...base,
        message: `${prefix}${showValue(value)} is not an allowed value`,
        fix: `use one of: ${issue.values.map(String).join(', ')}`,
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
