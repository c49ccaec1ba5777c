import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Claim } from '../schemas/claim.ts';
import type { Party } from '../schemas/party.ts';
import { AuthoringError } from './errors.ts';
import type { SuggestedClaim, SuggestedParty, Suggestions } from './suggest.ts';

/** A claim as written in a file: `respondsTo` left out while empty, fields in the README's order. */
function claimEntry(claim: Claim): Record<string, unknown> {
  const { id, by, reportedBy, speaker, kind, about, summary, quote, occurrence, date, channel, respondsTo } = claim;
  const entry: Record<string, unknown> = { id, by };
  if (reportedBy) entry.reportedBy = reportedBy;
  if (speaker) entry.speaker = speaker;
  Object.assign(entry, { kind, about, summary, quote });
  if (occurrence !== undefined) entry.occurrence = occurrence;
  if (date) entry.date = date;
  if (channel) entry.channel = channel;
  if (respondsTo.length) entry.respondsTo = respondsTo;
  return entry;
}

function partyEntry(party: Party): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: party.id, name: party.name, kind: party.kind };
  if (party.aliases.length) entry.aliases = party.aliases;
  if (party.speaksFor) entry.speaksFor = party.speaksFor;
  return entry;
}

function partyComment(suggestion: SuggestedParty): string {
  const from = suggestion.from === 'new' ? 'new party' : `id used by ${suggestion.from.article}: merges with it`;
  return ` ${from}; ${suggestion.kindGuessed ? 'kind: # guess, check it; ' : ''}${suggestion.why}`;
}

function claimComment(suggestion: SuggestedClaim): string {
  return ` why: ${suggestion.why}; summary is a draft`;
}

/** Appends entries to a sequence of the document (made block style), each with its comment. */
function append(
  doc: Document,
  key: 'parties' | 'claims',
  items: Array<{ value: Record<string, unknown>; comment: string; guess?: boolean }>,
): void {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq(doc.schema);
    doc.set(key, seq);
  }
  const list = seq as YAMLSeq;
  if (list.items.length === 0) list.flow = items.length === 0;
  for (const { value, comment, guess } of items) {
    const node = doc.createNode(value);
    node.commentBefore = comment;
    if (guess && isMap(node)) {
      const kind = node.get('kind', true);
      if (isScalar(kind)) kind.comment = ' guess';
    }
    if (isMap(node))
      for (const pair of node.items)
        if (isSeq(pair.value) && pair.value.items.every((item) => typeof (item as { value?: unknown }).value === 'string'))
          pair.value.flow = true;
    list.items.push(node);
  }
}

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The suggestions as YAML to paste into the frontmatter, with a comment on each saying why it was made. */
export function suggestionsYaml(result: Suggestions, file: string): string {
  const doc = new Document({ parties: [], claims: [] });
  append(
    doc,
    'parties',
    result.parties.map((party) => ({ value: partyEntry(party.party), comment: partyComment(party), guess: party.kindGuessed })),
  );
  append(
    doc,
    'claims',
    result.claims.map((claim) => ({ value: claimEntry(claim.claim), comment: claimComment(claim) })),
  );
  doc.commentBefore = ` Suggestions for ${file}: add what is right to its frontmatter (or run again with --write),\n then check every party, kind, quote and summary against the text. Kinds marked "# guess" were guessed.`;
  let out = doc.toString(TO_STRING);
  if (result.parties.length === 0 && result.claims.length === 0) out += '# Nothing new to propose.\n';
  if (result.covered.length) {
    out += `# Already in the article, not proposed again:\n`;
    for (const covered of result.covered) out += `#   ${JSON.stringify(covered.claim.quote)} (covered by claim ${covered.coveredBy})\n`;
  }
  return out;
}

/** The suggestions as data: `{ parties, claims }`. */
export function suggestionsJson(result: Suggestions): { parties: Record<string, unknown>[]; claims: Record<string, unknown>[] } {
  return {
    parties: result.parties.map((party) => ({ ...partyEntry(party.party), kindGuessed: party.kindGuessed, why: party.why })),
    claims: result.claims.map((claim) => ({ ...claimEntry(claim.claim), why: claim.why })),
  };
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

/**
 * Adds the suggested parties and claims to an article file's frontmatter. Everything the editor wrote stays
 * (entries, comments, order), and the text after the frontmatter is kept byte for byte.
 */
export function mergeIntoFile(fileText: string, result: Suggestions): string {
  const match = FRONTMATTER.exec(fileText);
  if (!match) throw new AuthoringError('the file has no frontmatter (--- … ---) to add suggestions to');
  const doc = parseDocument(match[1]!);
  if (doc.errors.length) throw new AuthoringError(`the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const ids = (key: string) => {
    const seq = doc.get(key, true);
    return new Set(isSeq(seq) ? seq.items.map((item) => (isMap(item) ? String(item.get('id')) : '')) : []);
  };
  const partyIds = ids('parties');
  const claimIds = ids('claims');
  append(
    doc,
    'parties',
    result.parties
      .filter((party) => !partyIds.has(party.party.id))
      .map((party) => ({ value: partyEntry(party.party), comment: partyComment(party), guess: party.kindGuessed })),
  );
  append(
    doc,
    'claims',
    result.claims
      .filter((claim) => !claimIds.has(claim.claim.id))
      .map((claim) => ({ value: claimEntry(claim.claim), comment: claimComment(claim) })),
  );
  const rest = fileText.slice(match[0].length);
  return `---\n${doc.toString(TO_STRING)}---${match[2]}${rest}`;
}
