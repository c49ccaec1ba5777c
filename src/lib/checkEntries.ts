import { type Claim, type Party, quoteSpans } from '../schemas/article.ts';
import { parseClaimReference } from '../schemas/slug.ts';
import { claimEntry, partyEntry, type Report, showValue } from './contentIssues.ts';
import { RESERVED_SLUGS } from './listings.ts';
import { shownText } from './articleText.ts';
import { findOccurrences, locateQuote, type TextSpan } from './quoteAnchors.ts';

export interface Entries {
  /** The well-formed parties and claims, each with its index in the file. */
  parties: Array<{ value: Party; index: number }>;
  claims: Array<{ value: Claim; index: number }>;
  /** Every party and claim id the file defines, even on an entry that is otherwise malformed. */
  knownPartyIds: string[];
  knownClaimIds: string[];
  slug: string;
  /** The text's blocks; undefined when the text could not be read, and its quotes are not looked for. */
  blocks: string[] | undefined;
}

/** Checks ids, references and quotes of well-formed entries; returns where each quote is and what is used. */
export function checkEntries({ parties, claims, knownPartyIds, knownClaimIds, slug, blocks }: Entries, error: Report, warning?: Report) {
  const partyIds = new Set<string>(knownPartyIds);
  parties.forEach(({ value: party, index }) => {
    if ((RESERVED_SLUGS as readonly string[]).includes(party.id)) {
      error(
        partyEntry(party, index),
        `id: "${party.id}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')})`,
        "choose another id, e.g. from the party's name",
      );
    }
  });
  reportDuplicateIds(
    parties,
    partyEntry,
    (id) => `party id "${id}" is defined twice in this article`,
    'give each party one entry; merge the aliases',
    error,
  );
  const claimIds = new Set<string>(knownClaimIds);
  reportDuplicateIds(
    claims,
    claimEntry,
    (id) => `claim id "${id}" is used twice in this article`,
    'give each claim an id of its own',
    error,
  );

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
    claim.respondsTo.forEach((reference, i) => {
      if (claim.respondsTo.indexOf(reference) < i) {
        error(entry, `respondsTo[${i}]: "${reference}" is listed twice`, 'list it once: the page would show the answer twice');
      }
    });
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

    if (!blocks) return;
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
        let shown: { block: number; text: string } | undefined;
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
        } else if ((shown = markupLeftOut(blocks, span))) {
          error(
            entry,
            `${quoteField(location.span)}: ${showValue(span)} has Markdown markup the page does not show; block ${shown.block + 1} reads ${showValue(shown.text)}`,
            `quote the words as a reader sees them, without \`*\`, \`_\`, \`\\\`, character references or link syntax: ${showValue(shown.text)}`,
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
          `quote: ${showValue(claim.quote)} occurs ${location.occurrences} times in the text (${blockList(location.firstSpans.map((span) => span.block))})`,
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

/** Blocks as a message names them: each once, the first ten (a quote may occur 60,000 times in a 5 MB text). */
function blockList(blocks: readonly number[]): string {
  const unique = [...new Set(blocks)];
  const shown = unique.slice(0, 10).map((block) => block + 1);
  return `${unique.length === 1 ? 'block' : 'blocks'} ${shown.join(', ')}${unique.length > 10 ? `, … (${unique.length} blocks)` : ''}`;
}

/** When a quote copied with its Markdown (`*simply*`, `have\\.`, `&amp;`) is in the text once that markup is read: where, and as what. */
function markupLeftOut(blocks: readonly string[], span: string): { block: number; text: string } | undefined {
  if (!/[*_\\[\]`~&]/.test(span)) return undefined;
  const shown = shownText(span);
  if (shown === undefined || shown === span) return undefined;
  const [found] = findOccurrences(blocks, shown);
  return found ? { block: found.block, text: blocks[found.block]!.slice(found.start, found.end) } : undefined;
}

/** An id given to a second entry of one list is an error on that entry. */
function reportDuplicateIds<T extends { id: string }>(
  entries: ReadonlyArray<{ value: T; index: number }>,
  entryOf: (value: T, index: number) => string,
  message: (id: string) => string,
  fix: string,
  error: Report,
): void {
  const seen = new Set<string>();
  for (const { value, index } of entries) {
    if (seen.has(value.id)) error(entryOf(value, index), message(value.id), fix);
    seen.add(value.id);
  }
}
