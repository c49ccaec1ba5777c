import type { TextBlock } from '../lib/articleText.ts';
import { locateQuote, type TextSpan } from '../lib/quoteAnchors.ts';
import { type Claim, type ClaimKind, quoteSpans } from '../schemas/claim.ts';
import type { Party } from '../schemas/party.ts';
import { capId, slugify } from './draft.ts';
import { type Frame, findFrames } from './frames.ts';
import { openQuotation, quotations, type Range, trimRange } from './phrases.ts';
import { presentTense } from './lexicon.ts';
import { has, type Sentence, tokenize } from './tokens.ts';
import { PartyPool, type PoolParty } from './partyPool.ts';
import { resolveSpeaker } from './speakers.ts';

/** What the suggester reads: the article's text and entries, and the parties of the site's other articles. */
export interface SuggestInput {
  slug: string;
  blocks: readonly TextBlock[];
  parties?: readonly Party[];
  claims?: readonly Claim[];
  publisher?: string;
  /** Parties of other articles, to reuse their ids (so a party merges across articles). */
  otherParties?: ReadonlyArray<{ article: string; party: Party }>;
}

export interface SuggestedParty {
  party: Party;
  /** Why: where the party was found, and how its kind was chosen ("guess: …" when guessed). */
  why: string;
  kindGuessed: boolean;
  /** Where the id comes from: a new one, or an article that already uses it. */
  from: 'new' | { article: string };
}

export interface SuggestedClaim {
  claim: Claim;
  /** The reporting verb and frame that gave the claim. */
  why: string;
  /** Where its quote is: block (from 0) and offsets in the block's text. */
  spans: TextSpan[];
}

export interface Suggestions {
  parties: SuggestedParty[];
  claims: SuggestedClaim[];
  /** Claims the article already has an entry for (their quotes overlap): shown, not proposed again. */
  covered: Array<SuggestedClaim & { coveredBy: string }>;
  /** Frames whose quote the project's checker could not place (left out; 0 when all is well). */
  unverified: number;
}

/** Proposes parties and claims for an article; every quote is checked verbatim against its blocks. */
export function suggest(input: SuggestInput): Suggestions {
  const texts = input.blocks.map((block) => block.text);
  const tokenized = texts.map((text) => tokenize(text));
  const pool = new PartyPool(input, texts, tokenized);
  const midSentenceCapitals = capitalisedMidSentence(texts);
  /** Whether a word opening a quote is a name, which the summary keeps capitalised: a party's, or capitalised mid-sentence in the text. */
  const isName = (word: string) =>
    midSentenceCapitals.has(word) ||
    pool.parties.some((party) => [party.name, ...party.aliases].some((name) => name.split(/\s+/)[0] === word));

  const frames: Frame[] = [];
  texts.forEach((text, block) => frames.push(...findFrames(text, tokenized[block]!, block)));

  // Statements quoted at length (a block quotation) are the words of whoever introduced them.
  const framed = new Set(frames.map((frame) => frame.block));
  input.blocks.forEach((block, index) => {
    if (framed.has(index) || block.type !== 'blockquote') return;
    const span = trimRange(block.text, { start: 0, end: block.text.length });
    if (span) frames.push({ block: index, type: 'block-quotation', kind: 'assert', spans: [span], sentence: span, inherited: true });
  });
  // "…, said it would share the findings — a step it had refused to take for weeks": the reporter's aside after a dash.
  for (const frame of [...frames]) {
    if (frame.spans.length !== 1 || frame.type === 'own-voice') continue;
    const text = texts[frame.block]!;
    const span = frame.spans[0]!;
    const words = text.slice(span.start, span.end);
    const aside = /\s[—–]\s(?=(?:a|an)\s+\p{Ll}+\s+(?:that|which|it|he|she|they|who|the)\s)/u.exec(words);
    if (!aside) continue;
    const before = trimRange(text, { start: span.start, end: span.start + aside.index });
    const after = trimRange(text, { start: span.start + aside.index + aside[0].length, end: span.end });
    if (!before || !after) continue;
    frame.spans = [before];
    frames.push({ block: frame.block, type: 'own-voice', kind: 'assert', spans: [after], sentence: frame.sentence });
  }
  // “…,” she said. “More words.”: a quotation after an attributed one, in the same paragraph, is the same speaker's.
  input.blocks.forEach((block, index) => {
    const own = frames.filter((frame) => frame.block === index);
    if (own.length === 0) return;
    const open = openQuotation(block.text);
    for (const quotation of [...quotations(block.text), ...(open ? [open] : [])]) {
      if (own.some((frame) => frame.spans.some((span) => span.start < quotation.end && span.end > quotation.start))) continue;
      if (!own.some((frame) => frame.spans[0]!.start < quotation.start)) continue;
      if (block.text.slice(quotation.start, quotation.end).trim().split(/\s+/).length < 4) continue;
      // Only a quotation that is a sentence of its own: not words quoted inside the reporter's sentence.
      if (!tokenized[index]!.some((sentence) => Math.abs(sentence.start - quotation.start) <= 1)) continue;
      frames.push({ block: index, type: 'continued-quotation', kind: 'assert', spans: [quotation], sentence: quotation, inherited: true });
    }
  });
  // A quotation left open at the end of a paragraph goes on in the next one, which opens with a quotation mark
  // (a quotation over several paragraphs): the same speaker's words, not the article's own voice.
  input.blocks.forEach((block, index) => {
    if (index === 0 || framed.has(index) || block.type !== 'paragraph' || !/^[“"]/.test(block.text)) return;
    const before = texts[index - 1]!;
    const spoken = frames.some((frame) => frame.block === index - 1 && frame.type !== 'own-voice' && frame.spans.length > 0);
    if (!spoken || !openQuotation(before)) return;
    const closing = block.text.startsWith('“') ? block.text.indexOf('”') : block.text.indexOf('"', 1);
    const span = trimRange(block.text, { start: 0, end: closing === -1 ? block.text.length : closing + 1 });
    if (!span) return;
    frames.push({ block: index, type: 'quotation-goes-on', kind: 'assert', spans: [span], sentence: span, inherited: true });
    framed.add(index);
  });
  // Paragraphs with no speaker are the article's own voice: the checker wants every paragraph to carry a claim.
  input.blocks.forEach((block, index) => {
    if (block.type !== 'paragraph' && block.type !== 'list-item') return;
    if (framed.has(index)) {
      // Sentences of the paragraph that no speaker frames are in the article's own voice too.
      for (const sentence of unframedSentences(
        block.text,
        tokenized[index]!,
        frames.filter((f) => f.block === index),
      ))
        frames.push({ block: index, type: 'own-voice', kind: 'assert', spans: [sentence], sentence });
      return;
    }
    const sentence = ownVoiceSentence(block.text, tokenized[index]!);
    if (sentence) frames.push({ block: index, type: 'own-voice', kind: 'assert', spans: [sentence], sentence });
  });
  frames.sort((a, b) => a.block - b.block || a.spans[0]!.start - b.spans[0]!.start);

  const claims: SuggestedClaim[] = [];
  /** The claims whose quote is a quotation of its own: a block quotation's paragraph, a quotation going on. */
  const quotationClaims = new Set<SuggestedClaim>();
  const usedIds = new Set((input.claims ?? []).map((claim) => claim.id));
  let lastPerson: PoolParty | undefined;
  let lastOther: PoolParty | undefined;
  let lastSpeaker: { party: PoolParty; speaker?: string } | undefined;
  let lastSpeakers: PoolParty[] = [];
  let lastBlock = -1;
  const introduced = new Map<number, { party: PoolParty; speaker?: string }>();

  for (const frame of frames) {
    const text = texts[frame.block]!;
    if (frame.block !== lastBlock && frame.block > lastBlock + 1) lastSpeaker = undefined;
    lastBlock = frame.block;
    const sentenceText = text.slice(frame.sentence.start, frame.sentence.end);
    let speakers: Array<{ party: PoolParty; speaker?: string; how: string }> = [];
    if (frame.type === 'own-voice') {
      speakers = [{ party: pool.publication(), how: 'the article’s own voice' }];
    } else if (frame.type === 'block-quotation') {
      const from = introduced.get(frame.block - 1) ?? introduced.get(frame.block - 2) ?? lastSpeaker;
      if (!from) continue;
      introduced.set(frame.block, from);
      speakers = [{ ...from, how: 'a quotation introduced by the paragraph before' }];
    } else if (frame.pronoun) {
      const words = text.slice(frame.speaker!.start, frame.speaker!.end);
      if (frame.pronoun === 'group' && lastSpeakers.length > 1) {
        speakers = lastSpeakers.map((party) => ({
          party,
          how: `“${words}” refers back to ${lastSpeakers.map((p) => p.name).join(' and ')}`,
        }));
      } else {
        const party =
          frame.pronoun === 'person'
            ? (pool.lastMentioned(texts, frame.block, frame.speaker!.start, (p) => p.kind === 'person') ?? lastPerson)
            : frame.pronoun === 'organisation'
              ? (lastOther ?? pool.lastMentioned(texts, frame.block, frame.speaker!.start, (p) => p.kind !== 'person'))
              : (lastSpeaker?.party ?? lastOther);
        if (!party) continue;
        speakers = [{ party, how: `“${words}” refers back to ${party.name}` }];
      }
    } else if (frame.speaker) {
      const speakerText = text
        .slice(frame.speaker.start, frame.speaker.end)
        .replace(/[,\s]+$/, '')
        .replace(DISCOURSE_TAIL, '');
      speakers = resolveSpeaker(pool, speakerText, frame.speaker.start, frame.block, sentenceText, lastOther);
    } else if (frame.inherited) {
      const previous = claims.filter((claim) => claim.spans[0]!.block === frame.block).at(-1);
      const party = previous ? pool.byId(previous.claim.by) : lastSpeaker?.party;
      if (!party) continue;
      speakers = [{ party, speaker: previous?.claim.speaker, how: 'the subject of the clause before' }];
    }
    if (speakers.length === 0) continue;
    // Who speaks next by "he", "she", "they": the speakers of the frames, not an agent inside a claim ("claimed by X").
    const embedded = frame.type === 'passive-agent';
    for (const { party } of embedded ? [] : speakers) {
      if (party.kind === 'person') lastPerson = party;
      else if (party.kind !== 'publication') lastOther = party;
    }
    if (speakers[0]!.party.kind !== 'publication' && !embedded) {
      lastSpeaker = { party: speakers[0]!.party, speaker: speakers[0]!.speaker };
      lastSpeakers = speakers.map((s) => s.party);
    }
    if (frame.introduces) {
      introduced.set(frame.block, lastSpeaker!);
      continue;
    }

    // A quote span is at most 5,000 characters (the schema's limit): a longer one is no suggestion.
    if (frame.spans.some((span) => span.end - span.start > 5000)) continue;
    const quoteText = frame.spans.map((span) => text.slice(span.start, span.end)).join(' ');
    const kind = refineKind(frame.kind, frame.lemma, quoteText);
    for (const { party, speaker: named, how } of speakers) {
      const aboutIds = pool.about(quoteText, sentenceText, party);
      const id = uniqueId(claimId(party, frame, quoteText), usedIds);
      const speaker = named && !isPartyName(named, party) ? named : undefined;
      const claim: Claim = {
        id,
        by: party.id,
        ...(speaker && speaker.length <= 300 ? { speaker } : {}),
        kind,
        about: aboutIds,
        summary: summaryDraft(party, speaker, frame, kind, quoteText, isName),
        quote: frame.spans.length === 1 ? clean(quoteText) : frame.spans.map((span) => clean(text.slice(span.start, span.end))),
        ...(frame.verb ? channelOf(sentenceText) : {}),
        respondsTo: [],
      };
      const why = `${frame.verb ? `verb “${frame.verb}” (${kind}), ` : ''}${FRAME_WORDS[frame.type]}; by: ${how}`;
      const suggestion = { claim, why, spans: frame.spans.map((span) => ({ block: frame.block, ...span })) };
      if (QUOTATION_FRAMES.has(frame.type)) quotationClaims.add(suggestion);
      claims.push(suggestion);
    }
  }

  const deduped = dedupe(trimLoneQuotationMarks(claims, quotationClaims, texts));
  const verified = verifyQuotes(deduped, texts);
  const existing = locateExisting(input.claims ?? [], texts);
  const proposed: SuggestedClaim[] = [];
  const covered: Suggestions['covered'] = [];
  for (const suggestion of verified) {
    const match = existing.find((claim) => overlapRatio(claim.spans, suggestion.spans) >= 0.5);
    if (match) covered.push({ ...suggestion, coveredBy: match.id });
    else proposed.push(suggestion);
  }
  return { parties: pool.suggestedParties(proposed), claims: proposed, covered, unverified: deduped.length - verified.length };
}

const FRAME_WORDS: Record<Frame['type'], string> = {
  'subject-verb': 'frame “X verb …”',
  participle: 'frame “…, verb-ing …” (the speaker of the clause)',
  inverted: 'frame ““…,” said X”',
  'after-quote': 'frame “…, X said”',
  parenthetical: 'frame “…, X said, …”',
  'according-to': 'frame “according to X”',
  passive: 'frame “… was verb-ed by X”',
  'passive-agent': 'frame “… claimed by X”',
  'block-quotation': 'a block quotation',
  'continued-quotation': 'a quotation after an attributed one in the same paragraph',
  'quotation-goes-on': 'a quotation going on from the paragraph before, which left it open',
  'own-voice': 'words no speaker is reported to say: the article’s own voice',
};

/** Any run of spaces and line breaks in a quote is one space (the checker matches any run with any run). */
function clean(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

/** The first sentence of a paragraph that states something (a finite verb, three words or more). */
function ownVoiceSentence(text: string, sentences: Sentence[]): Range | undefined {
  for (const sentence of sentences) {
    if (sentence.tokens.length < 4) continue;
    if (!sentence.tokens.some((token) => has(token, 'Verb'))) continue;
    const range = trimRange(text, { start: sentence.start, end: sentence.end });
    if (range) return range;
  }
  return undefined;
}

/** How a statement was made, in the sentence's own words: "in a written statement", "told reporters", "on X". */
const CHANNEL =
  /\b([Ii]n an? (?:written |brief |joint |short |televised )?(?:statement|interview|post|letter|address|speech|briefing|reply|news conference|press conference)(?: (?:on|to|with) (?:X|Twitter|Facebook|Telegram|television|state television|radio|[A-Z][\w’']+(?: [A-Z][\w’']+)?))?|[Aa]t an? (?:news|press) conference|told (?:reporters|journalists|parliament|lawmakers|the [A-Z][\w’']+)|(?<=\b(?:[Ww]rote|[Ww]riting|[Pp]osted|[Pp]osting|said|saying)\s)on (?:X|Twitter|Facebook|Telegram|television|state television|radio))\b/;

function channelOf(sentence: string): { channel?: string } {
  const match = CHANNEL.exec(sentence);
  return match && match[1]!.length <= 200 ? { channel: match[1]! } : {};
}

/** Sentences of a paragraph that no frame touches and that state something. */
function unframedSentences(text: string, sentences: Sentence[], frames: Frame[]): Range[] {
  const out: Range[] = [];
  for (const sentence of sentences) {
    if (sentence.tokens.length < 5 || !sentence.tokens.some((token) => has(token, 'Verb'))) continue;
    if (frames.some((frame) => frame.sentence.start < sentence.end && frame.sentence.end > sentence.start)) continue;
    if (frames.some((frame) => frame.spans.some((span) => span.start < sentence.end && span.end > sentence.start))) continue;
    if (/[“”"]/.test(text.slice(sentence.start, sentence.end))) continue;
    const range = trimRange(text, { start: sentence.start, end: sentence.end });
    if (range) out.push(range);
  }
  return out;
}

/** A few cues in a statement's words that make "says" a threat or a commitment. */
function refineKind(kind: ClaimKind, lemma: string | undefined, quote: string): ClaimKind {
  if (kind !== 'assert' || lemma === 'call') return kind;
  if (/\b(would|will)\b[^.]*\b(if|unless)\b|\b(if|unless)\b[^.]*\b(would|will)\b/i.test(quote)) return 'threaten';
  if (/\b(ready|prepared|willing) to\b/i.test(quote)) return 'commit';
  // "said it would release the ships": a speaker's own future act.
  if (/^[“"]?(it|we|they|he|she|I)\s+(would|will|shall)\s+(?!not\b|be\b)/.test(quote)) return 'commit';
  return kind;
}

function claimId(party: PoolParty, frame: Frame, quote: string): string {
  const short = party.id.split('-').slice(0, 2).join('-');
  const verb = frame.lemma ? slugify(frame.lemma) : 'says';
  const words = slugify(quote.replace(/^\W+/, ''))
    .split('-')
    .filter((w) => !/^(the|a|an|of|to|and|that|in|on|for|its|it|is|was|were|be|has|had|have)$/.test(w))
    .slice(0, 4)
    .join('-');
  return [short, verb, words].filter(Boolean).join('-');
}

function uniqueId(id: string, used: Set<string>): string {
  id = capId(id || 'claim', 4);
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** A summary within the schema's 1,000 characters (a longer one is cut at a word, ending in "…"). */
function summaryDraft(...args: Parameters<typeof summarySentence>): string {
  const sentence = summarySentence(...args);
  return sentence.length <= 1000 ? sentence : `${sentence.slice(0, 996).replace(/\s+\S*$/, '')} …`;
}

function summarySentence(
  party: PoolParty,
  speaker: string | undefined,
  frame: Frame,
  kind: ClaimKind,
  quote: string,
  isName: (word: string) => boolean,
): string {
  const shown = party.kind !== 'publication' && speaker && party.kind !== 'person';
  const who = shown ? `${party.name} (${speaker})` : party.name;
  // "Afghan officials say", "Residents warn": a group named by a plural noun takes the plural verb.
  const plural = !shown && isPluralGroup(party);
  const words = clean(quote)
    .replace(/[“”"]/g, '')
    .replace(/[.,;:]+$/, '');
  if (frame.type === 'own-voice') return `${who} ${plural ? 'state' : 'states'} that ${lowerFirst(words, isName)}.`;
  const lemma = frame.lemma && frame.lemma !== 'according to' ? frame.lemma : 'say';
  const verb = plural ? lemma : presentTense(lemma);
  const says = plural ? 'say' : 'says';
  // "the ministry's offer was rejected" (by the union): the union rejects the ministry's offer.
  const passive = frame.type === 'passive' && new RegExp(`^(.+?)\\s+${PASSIVE_VERB.source}\\s+${frame.verb}\\b(.*)$`, 'iu').exec(words);
  if (passive)
    return `${who} ${verb} ${passive[1]!.replace(/^(The|A|An|This|These|Those|Its|Their|His|Her|Our)\b/u, (w) => w.toLowerCase())}${passive[2]}.`;
  if (frame.lemma && words.toLowerCase().startsWith((frame.verb ?? '').toLowerCase())) {
    return `${who} ${verb}${words.slice((frame.verb ?? '').length)}.`;
  }
  return `${who} ${kind === 'assert' ? says : verb} that ${lowerFirst(words, isName)}.`;
}

/** Words after a comma that end a speaker's phrase without being part of it: "Security analysts, however, said". */
const DISCOURSE_TAIL = /,\s*(however|meanwhile|too|also|though|in turn|for (its|their|his|her) part|for their part)$/iu;

/**
 * Whether a speaker's words only repeat the party's name, "the" aside ("The United Nations" for United Nations):
 * no speaker then. Another name stays the speaker: "Kabul" for Afghanistan is how the text attributes it.
 */
function isPartyName(speaker: string, party: PoolParty): boolean {
  const bare = (name: string) => name.replace(/^the\s+/iu, '').toLowerCase();
  return bare(party.name) === bare(speaker);
}

/** Kinds of party a text may name by a plural noun: "Afghan officials", "security analysts", "residents". */
const GROUP_KINDS = new Set<Party['kind']>(['unnamed-sources', 'commentators', 'population']);

/** Whether a party is a group named by a plural common noun: its last word lower-case (or the only word), ending in "s" or a plural such as "people". */
function isPluralGroup(party: PoolParty): boolean {
  if (!GROUP_KINDS.has(party.kind)) return false;
  const words = party.name.split(/\s+/u);
  const head = words.at(-1)!;
  if (!(words.length === 1 || /^\p{Ll}/u.test(head))) return false;
  return /^(people|police|children|women|men)$/iu.test(head) || (/\p{L}[^su]s$/iu.test(head) && !/(ss|us|is)$/iu.test(head));
}

/** The auxiliary (and an adverb) before a passive reporting verb: "was", "has been", "were firmly". */
const PASSIVE_VERB = /(?:(?:has|have|had)\s+)?(?:is|are|was|were|be|been|being)(?:\s+\p{L}+ly)?/u;

function lowerFirst(text: string, isName: (word: string) => boolean): string {
  const first = /^[\p{L}’'-]+/u.exec(text)?.[0] ?? '';
  if (!/^\p{Lu}\p{Ll}/u.test(text) || /^(I|I’m)$/.test(first)) return text;
  if (!FUNCTION_WORDS.test(first) && isName(first.replace(/['’]s$/u, ''))) return text;
  return text[0]!.toLowerCase() + text.slice(1);
}

/** Words that open a sentence without being a name: lower-cased in a summary even where the text capitalises them mid-sentence ("the newspaper The Times"). */
const FUNCTION_WORDS =
  /^(the|a|an|this|that|these|those|it|its|they|their|he|his|she|her|we|our|there|in|on|at|if|when|after|before|some|many|no)$/iu;

/** Words the text capitalises after a lower-case word (not where a sentence starts): names ("Pakistan", "Kabul"). */
function capitalisedMidSentence(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\p{Ll}[,;]?\s+(\p{Lu}[\p{L}-]*)/gu)) names.add(match[1]!);
  return names;
}

/** Frames whose words are a quotation of their own, which may open in one paragraph and close in another. */
const QUOTATION_FRAMES = new Set<Frame['type']>(['block-quotation', 'continued-quotation', 'quotation-goes-on']);

/**
 * A paragraph's quotation that opens a quotation ending in a later paragraph (or ends one opened in an
 * earlier paragraph) is quoted without that lone quotation mark: the words quoted, verbatim, one claim per
 * paragraph (what an editor splits a long quotation into).
 */
function trimLoneQuotationMarks(
  claims: readonly SuggestedClaim[],
  quotationClaims: ReadonlySet<SuggestedClaim>,
  texts: readonly string[],
): SuggestedClaim[] {
  return claims.map((suggestion) => {
    if (!quotationClaims.has(suggestion) || suggestion.spans.length !== 1) return suggestion;
    const span = { ...suggestion.spans[0]! };
    const text = texts[span.block]!;
    const words = () => text.slice(span.start, span.end);
    if (/^[“"]/.test(words()) && !/[”"]/.test(words().slice(1))) {
      span.start += 1;
      while (/\s/.test(text[span.start] ?? '')) span.start++;
    }
    if (/[”"]$/.test(words()) && !/[“"]/.test(words().slice(0, -1))) span.end -= 1;
    if (span.start === suggestion.spans[0]!.start && span.end === suggestion.spans[0]!.end) return suggestion;
    return { ...suggestion, claim: { ...suggestion.claim, quote: clean(words()) }, spans: [span] };
  });
}

/** Keeps one of two suggestions by the same party whose quotes mostly overlap. */
function dedupe(claims: SuggestedClaim[]): SuggestedClaim[] {
  const kept: SuggestedClaim[] = [];
  for (const claim of claims) {
    if (kept.some((other) => other.claim.by === claim.claim.by && overlapRatio(other.spans, claim.spans) >= 0.8)) continue;
    kept.push(claim);
  }
  return kept;
}

/** Checks each quote with the project's own `locateQuote`; a quote that fits several places gets its `occurrence`. */
export function verifyQuotes(claims: SuggestedClaim[], texts: readonly string[]): SuggestedClaim[] {
  const out: SuggestedClaim[] = [];
  for (const suggestion of claims) {
    const spans = quoteSpans(suggestion.claim);
    const location = locateQuote(texts, spans);
    if (location.status === 'found') {
      out.push({ ...suggestion, spans: location.spans });
    } else if (location.status === 'ambiguous') {
      const want = suggestion.spans[0]!;
      for (let occurrence = 1; occurrence <= location.occurrences; occurrence++) {
        const at = locateQuote(texts, spans, occurrence);
        if (at.status === 'found' && at.spans[0]!.block === want.block && Math.abs(at.spans[0]!.start - want.start) <= 1) {
          out.push({ ...suggestion, claim: { ...suggestion.claim, occurrence }, spans: at.spans });
          break;
        }
      }
    }
  }
  return out;
}

function locateExisting(claims: readonly Claim[], texts: readonly string[]): Array<{ id: string; spans: TextSpan[] }> {
  const out: Array<{ id: string; spans: TextSpan[] }> = [];
  for (const claim of claims) {
    const location = locateQuote(texts, quoteSpans(claim), claim.occurrence);
    if (location.status === 'found') out.push({ id: claim.id, spans: location.spans });
  }
  return out;
}

/** Characters two quotes share, over the length of the shorter (0 to 1). */
export function overlapRatio(a: readonly TextSpan[], b: readonly TextSpan[]): number {
  const length = (spans: readonly TextSpan[]) => spans.reduce((n, span) => n + (span.end - span.start), 0);
  let shared = 0;
  for (const x of a) {
    for (const y of b) {
      if (x.block !== y.block) continue;
      shared += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    }
  }
  const shorter = Math.min(length(a), length(b));
  return shorter === 0 ? 0 : shared / shorter;
}
