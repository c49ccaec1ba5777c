import type { TextBlock } from '../lib/articleText.ts';
import { locateQuote, type TextSpan } from '../lib/quoteAnchors.ts';
import { RESERVED_SLUGS } from '../lib/listings.ts';
import { type Claim, type ClaimKind, quoteSpans } from '../schemas/claim.ts';
import type { Party, PartyKind } from '../schemas/party.ts';
import { slugify } from './draft.ts';
import { type Frame, findFrames, quotations, type Range, trimRange } from './frames.ts';
import { GROUP_NOUNS, NOT_NAMES, OFFICE_HEADS, ORGANISATION_HEADS, ORGANISATION_WORDS, presentTense, ROLE_NOUNS } from './lexicon.ts';
import { has, isCapitalised, type Sentence, type Token, tokenize, word } from './tokens.ts';

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

interface PoolParty {
  id: string;
  name: string;
  kind: PartyKind;
  aliases: string[];
  speaksFor?: string;
  origin: 'article' | 'other' | 'new';
  article?: string;
  why: string;
  kindGuessed: boolean;
  /** Head noun of an unnamed group ("analysts"), to merge "analysts" and "security analysts". */
  head?: string;
}

interface Mention {
  party: PoolParty;
  start: number;
  end: number;
  /** The words of the text that name it. */
  text: string;
}

/** Proposes parties and claims for an article; every quote is checked verbatim against its blocks. */
export function suggest(input: SuggestInput): Suggestions {
  const texts = input.blocks.map((block) => block.text);
  const tokenized = texts.map((text) => tokenize(text));
  const pool = new PartyPool(input, texts, tokenized);

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
    for (const quotation of quotations(block.text)) {
      if (own.some((frame) => frame.spans.some((span) => span.start < quotation.end && span.end > quotation.start))) continue;
      if (!own.some((frame) => frame.spans[0]!.start < quotation.start)) continue;
      if (block.text.slice(quotation.start, quotation.end).trim().split(/\s+/).length < 4) continue;
      // Only a quotation that is a sentence of its own: not words quoted inside the reporter's sentence.
      if (!tokenized[index]!.some((sentence) => Math.abs(sentence.start - quotation.start) <= 1)) continue;
      frames.push({ block: index, type: 'continued-quotation', kind: 'assert', spans: [quotation], sentence: quotation, inherited: true });
    }
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
      const speakerText = text.slice(frame.speaker.start, frame.speaker.end).replace(/[,\s]+$/, '');
      speakers = pool.resolveSpeaker(speakerText, frame.speaker.start, frame.block, sentenceText, lastOther);
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
    for (const { party, speaker, how } of speakers) {
      const aboutIds = pool.about(quoteText, sentenceText, party);
      const id = uniqueId(claimId(party, frame, quoteText), usedIds);
      const claim: Claim = {
        id,
        by: party.id,
        ...(speaker && speaker.length <= 300 && speaker.toLowerCase() !== party.name.toLowerCase() ? { speaker } : {}),
        kind,
        about: aboutIds,
        summary: summaryDraft(
          party,
          speaker && speaker.toLowerCase() !== party.name.toLowerCase() ? speaker : undefined,
          frame,
          kind,
          quoteText,
        ),
        quote: frame.spans.length === 1 ? clean(quoteText) : frame.spans.map((span) => clean(text.slice(span.start, span.end))),
        ...(frame.verb ? channelOf(sentenceText) : {}),
        respondsTo: [],
      };
      const why = `${frame.verb ? `verb “${frame.verb}” (${kind}), ` : ''}${FRAME_WORDS[frame.type]}; by: ${how}`;
      claims.push({ claim, why, spans: frame.spans.map((span) => ({ block: frame.block, ...span })) });
    }
  }

  const deduped = dedupe(claims);
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
  'passive-agent': 'frame “… claimed by X”',
  'block-quotation': 'a block quotation',
  'continued-quotation': 'a quotation after an attributed one in the same paragraph',
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

/** Ids are at most 100 characters (the schema's limit), cut at a hyphen. */
export const MAX_ID_LENGTH = 100;

export function capId(id: string, room = 0): string {
  const max = MAX_ID_LENGTH - room;
  if (id.length <= max) return id;
  const cut = id.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : id.slice(0, max)).replace(/-+$/, '');
}

function uniqueId(id: string, used: Set<string>): string {
  id = capId(id || 'claim', 4);
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

function summaryDraft(party: PoolParty, speaker: string | undefined, frame: Frame, kind: ClaimKind, quote: string): string {
  const sentence = summarySentence(party, speaker, frame, kind, quote);
  return sentence.length <= 1000 ? sentence : `${sentence.slice(0, 996).replace(/\s+\S*$/, '')} …`;
}

function summarySentence(party: PoolParty, speaker: string | undefined, frame: Frame, kind: ClaimKind, quote: string): string {
  const who = party.kind === 'publication' ? party.name : speaker && party.kind !== 'person' ? `${party.name} (${speaker})` : party.name;
  const words = clean(quote)
    .replace(/[“”"]/g, '')
    .replace(/[.,;:]+$/, '');
  if (frame.type === 'own-voice') return `${who} states that ${lowerFirst(words)}.`;
  const verb = frame.lemma && frame.lemma !== 'according to' ? presentTense(frame.lemma) : 'says';
  if (frame.lemma && words.toLowerCase().startsWith((frame.verb ?? '').toLowerCase())) {
    return `${who} ${verb}${words.slice((frame.verb ?? '').length)}.`;
  }
  return `${who} ${kind === 'assert' ? 'says' : verb} that ${lowerFirst(words)}.`;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^(I|I’m)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
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

const PLACE_WORDS =
  /^(Dam|River|Valley|Street|Road|Square|Bridge|Lake|Mountains?|Island|Islands|Sea|Ocean|Bay|Gulf|Strait|Province|District|Region|Hills?|Highlands|Airport|Port|Harbour|Park)$/;
const DEMONYM_ENDINGS = ['ian', 'ean', 'an', 'ese', 'ish', 'i', 'n', ''];
const DEFINITE_HEADS =
  /^(federation|republic|commission|council|ministry|government|administration|agency|authority|union|committee|court|company|party|army|university|office|board|bank|embassy|kingdom|alliance)$/i;

/** The parties known to the article, to the site's other articles, and found in the text; resolves speakers and mentions. */
class PartyPool {
  private readonly parties: PoolParty[] = [];
  private readonly input: SuggestInput;
  private readonly texts: readonly string[];
  private publicationParty?: PoolParty;

  constructor(input: SuggestInput, texts: readonly string[], tokenized: Sentence[][]) {
    this.input = input;
    this.texts = texts;
    for (const party of input.parties ?? [])
      this.parties.push({ ...party, aliases: [...party.aliases], origin: 'article', why: 'already in the article', kindGuessed: false });
    for (const { article, party } of input.otherParties ?? []) {
      if (article === input.slug || party.kind === 'unnamed-sources') continue;
      const seen = this.parties.find((p) => p.id === party.id);
      if (seen) {
        // Every name other articles use for the party helps find it here.
        for (const name of [party.name, ...party.aliases]) if (name !== seen.name && !seen.aliases.includes(name)) seen.aliases.push(name);
        continue;
      }
      if (party.kind === 'publication' && !input.publisher) continue;
      this.parties.push({
        ...party,
        aliases: [...party.aliases],
        speaksFor: undefined,
        origin: 'other',
        article,
        why: `as in ${article}`,
        kindGuessed: false,
      });
    }
    this.findNames(tokenized);
  }

  byId(id: string): PoolParty | undefined {
    return this.parties.find((party) => party.id === id);
  }

  /** Capitalised names of the text that are organisations, states or people: candidates for parties. */
  private findNames(tokenized: Sentence[][]): void {
    const text = this.texts.join('\n');
    tokenized.forEach((sentences, block) => {
      for (const sentence of sentences) {
        const { tokens } = sentence;
        for (let i = 0; i < tokens.length; i++) {
          if (!isCapitalised(tokens[i]!) || /[“"]$/.test(tokens[i]!.pre)) continue;
          let j = i;
          while (
            j + 1 < tokens.length &&
            !/[,;:.()]/.test(tokens[j]!.post) &&
            !/[(“"]/.test(tokens[j + 1]!.pre) &&
            !/’s$|'s$/.test(tokens[j]!.text) &&
            (isCapitalised(tokens[j + 1]!) ||
              tokens[j]!.post === '-' ||
              (/^(of|de|al|bin|for)$/.test(word(tokens[j + 1])) && tokens[j + 2] && isCapitalised(tokens[j + 2]!)))
          )
            j++;
          let run = tokens.slice(i, j + 1);
          let before = tokens[i - 1];
          i = j;
          // "Marovian Foreign Minister Dana Ilic": the name is what follows the title.
          const role = run.findLastIndex((t, k) => k < run.length - 1 && ROLE_NOUNS.test(word(t)));
          if (role !== -1 && run.length - role - 1 >= 2) {
            before = run[role];
            run = run.slice(role + 1);
          }
          // Drop a leading "The", and a run that is only calendar or function words.
          while (run.length && /^(the|a|an)$/.test(word(run[0]))) run.shift();
          while (run.length && NOT_NAMES.has(word(run[0]).replace(/'s$/, '')) && !(run.length > 1 && isOrgRun(run))) run.shift();
          if (run.length === 0) continue;
          if (PLACE_WORDS.test(run[run.length - 1]!.text)) continue;
          const name = this.texts[block]!.slice(run[0]!.start, run[run.length - 1]!.end).replace(/['’]s$/, '');
          if (this.findByName(name) || this.mentions(name).some((m) => m.start === 0 && m.end === name.length)) continue;
          // "Republic of Veloria", "Velorian Republic": a known state's name (or demonym) with words of statehood is that state.
          if (run.length >= 2) {
            const inside = this.mentions(name).filter((m) => m.party.kind === 'state' || m.party.kind === 'government');
            const rest = name
              .replace(inside[0]?.text ?? '\u0000', ' ')
              .split(/\s+/)
              .filter(Boolean);
            if (
              inside.length === 1 &&
              rest.every((w) => /^(Republic|Federation|Kingdom|State|Government|Administration|of|the)$/.test(w))
            ) {
              inside[0]!.party.aliases.push(name);
              continue;
            }
          }
          const orgKind = orgKindOf(run);
          const personLike =
            run.length >= 2 &&
            run.length <= 4 &&
            !orgKind &&
            run.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text.replace(/['’]s$/, '')) && !NOT_NAMES.has(word(t)));
          const roleBefore = before && ROLE_NOUNS.test(word(before));
          const taggedPerson = run.some((t) => has(t, 'Person') || has(t, 'FirstName'));
          const hasDemonym = run.length === 1 && this.demonymUsed(name, text);
          const taggedState = run.some((t) => has(t, 'Country'));
          const surname = run[run.length - 1]!.text.replace(/['’]s$/, '');
          const surnameAlone = new RegExp(`(?<![\\p{L}-])${escape(surname)}(?![\\p{L}-])`, 'u').test(text.split(name).join(''));
          const placeBefore = before !== undefined && /^(in|at|from|near|into|to|outside|across)$/.test(word(before));
          if (personLike && (roleBefore || ((taggedPerson || surnameAlone) && !placeBefore))) {
            const aliases = surnameAlone ? [surname] : [];
            this.add({ name, kind: 'person', aliases, why: `a name${roleBefore ? ` after “${before!.text}”` : ''}`, kindGuessed: true });
          } else if (orgKind) {
            this.add({
              name,
              kind: orgKind,
              aliases: this.acronymAfter(run, tokens),
              why: `“${name}” reads as ${orgKind === 'state' ? 'a state' : `an organisation (${orgKind})`}`,
              kindGuessed: true,
            });
          } else if (taggedState || hasDemonym) {
            this.add({
              name,
              kind: 'state',
              aliases: [],
              why: taggedState ? `“${name}” is a country name` : `the text also uses the demonym of “${name}”`,
              kindGuessed: true,
            });
          } else if (run.length >= 2 && this.acronymAfter(run, tokens).length) {
            this.add({
              name,
              kind: 'armed-group',
              aliases: this.acronymAfter(run, tokens),
              why: `a name with an acronym; kind unknown`,
              kindGuessed: true,
            });
          }
        }
      }
    });
  }

  private acronymAfter(run: Token[], tokens: Token[]): string[] {
    const next = tokens[run[run.length - 1]!.index + 1];
    return next && /\($/.test(next.pre) && /^\p{Lu}{2,}$/u.test(next.text) ? [next.text] : [];
  }

  private demonymUsed(name: string, text: string): boolean {
    if (name.length < 4) return false;
    return new RegExp(`(?<![\\p{L}])${escape(name.replace(/(ia|a|e)$/, ''))}(ian|ean|an|i|ese|ish)(?![\\p{L}])`, 'u').test(text);
  }

  private add(fields: Omit<PoolParty, 'id' | 'origin'> & { id?: string }): PoolParty {
    // A name is at most 200 characters (the schema's limit): cut at a word, it still occurs in the text.
    if (fields.name.length > 200) fields = { ...fields, name: fields.name.slice(0, 200).replace(/\s+\S*$/, '') };
    const same = this.parties.find((p) => p.kind === fields.kind && p.name.toLowerCase() === fields.name.toLowerCase());
    if (same && !fields.id) return same;
    const reuse = (this.input.otherParties ?? []).find(
      ({ party }) =>
        party.kind !== 'unnamed-sources' && [party.name, ...party.aliases].some((n) => n.toLowerCase() === fields.name.toLowerCase()),
    );
    let id =
      fields.id ??
      (fields.kind === 'unnamed-sources' ? `${this.input.slug}-${slugify(fields.name)}` : slugify(fields.name.replace(/^the\s+/i, '')));
    let kind = fields.kind;
    let why = fields.why;
    let kindGuessed = fields.kindGuessed;
    const pooled = reuse && this.parties.find((p) => p.id === reuse.party.id);
    if (pooled && fields.kind !== 'unnamed-sources' && !fields.id) {
      if (pooled.name !== fields.name && !pooled.aliases.includes(fields.name)) pooled.aliases.push(fields.name);
      return pooled;
    }
    if (reuse && fields.kind !== 'unnamed-sources' && !fields.id) {
      id = reuse.party.id;
      kind = reuse.party.kind;
      why = `${fields.why}; id and kind as in ${reuse.article}`;
      kindGuessed = false;
    } else {
      id = capId(id, 4);
      if ((RESERVED_SLUGS as readonly string[]).includes(id)) id = `${id}-party`;
      const taken = (candidate: string) =>
        this.parties.some((p) => p.id === candidate) || (this.input.otherParties ?? []).some(({ party }) => party.id === candidate);
      const base = id || 'party';
      id = base;
      for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    }
    const party: PoolParty = { ...fields, id, kind, why, kindGuessed, origin: 'new' };
    this.parties.push(party);
    return party;
  }

  private findByName(name: string): PoolParty | undefined {
    const lower = name.toLowerCase();
    return this.parties.find((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase() === lower));
  }

  /** The publication: the publisher the source names (reusing its id from other articles), else one unique to this article. */
  publication(): PoolParty {
    if (this.publicationParty) return this.publicationParty;
    const own = this.parties.find((p) => p.kind === 'publication' && p.origin === 'article');
    if (own) return (this.publicationParty = own);
    const publisher = this.input.publisher;
    if (publisher) {
      const known = this.parties.find(
        (p) => p.kind === 'publication' && [p.name, ...p.aliases].some((n) => n.toLowerCase() === publisher.toLowerCase()),
      );
      if (known) return (this.publicationParty = known);
      return (this.publicationParty = this.add({
        name: publisher,
        kind: 'publication',
        aliases: [],
        why: 'the publisher the source names',
        kindGuessed: false,
      }));
    }
    return (this.publicationParty = this.add({
      id: capId(`publication-${this.input.slug}`),
      name: 'The publication (not named in the source)',
      kind: 'publication',
      aliases: [],
      why: 'the source names no publisher: an id unique to this article',
      kindGuessed: false,
    }));
  }

  /** Every party the text names in `range` of `text`: by name, alias, demonym ("Velorian"), surname, or "the federation". */
  private readonly mentionCache = new Map<string, Mention[]>();
  private readonly patterns = new Map<string, RegExp>();

  private pattern(key: string, source: string, flags: string): RegExp {
    let pattern = this.patterns.get(key);
    if (!pattern) this.patterns.set(key, (pattern = new RegExp(source, flags)));
    return pattern;
  }

  mentions(text: string): Mention[] {
    // The pool only grows: its size and its aliases' count say whether an earlier answer still holds.
    const key = `${this.parties.length}:${this.parties.reduce((n, p) => n + p.aliases.length, 0)}:${text}`;
    const cached = this.mentionCache.get(key);
    if (cached) return cached;
    const found = this.findMentions(text);
    this.mentionCache.set(key, found);
    return found;
  }

  private findMentions(text: string): Mention[] {
    const found: Mention[] = [];
    for (const party of this.parties) {
      if (party.kind === 'publication' || party.kind === 'unnamed-sources') continue;
      const names = [party.name, ...party.aliases].filter((n) => n.length >= 2);
      for (const name of names) {
        const pattern = this.pattern(`name:${name}`, `(?<![\\p{L}\\p{N}-])${escape(name)}(?![\\p{L}\\p{N}-])`, 'gu');
        for (const match of text.matchAll(pattern))
          found.push({ party, start: match.index!, end: match.index! + match[0].length, text: match[0] });
      }
      if (party.kind === 'state' || party.kind === 'government' || party.kind === 'group-of-states') {
        for (const name of names) {
          if (!/^\p{Lu}\p{Ll}{3,}$/u.test(name)) continue;
          for (const match of text.matchAll(/(?<![\p{L}-])\p{Lu}\p{Ll}{3,}(?![\p{L}-])/gu)) {
            const w = match[0];
            if (w === name) continue;
            if (
              DEMONYM_ENDINGS.some(
                (ending) =>
                  w.endsWith(ending) &&
                  w.length - ending.length >= 4 &&
                  name.startsWith(w.slice(0, w.length - ending.length)) &&
                  name.length - (w.length - ending.length) <= 4 &&
                  w.length > name.length - 3,
              )
            ) {
              found.push({ party, start: match.index!, end: match.index! + w.length, text: w });
            }
          }
        }
      }
      const lastWord = party.name.split(/\s+/).at(-1) ?? '';
      if (party.kind === 'person' && party.name.includes(' ') && /^\p{Lu}\p{Ll}{2,}$/u.test(lastWord)) {
        const pattern = new RegExp(`(?<![\\p{L}-])${escape(lastWord)}(?![\\p{L}-])`, 'gu');
        for (const match of text.matchAll(pattern))
          found.push({ party, start: match.index!, end: match.index! + match[0].length, text: match[0] });
      }
      if (party.kind !== 'person' && party.name.includes(' ') && DEFINITE_HEADS.test(lastWord)) {
        const bareWord = /^\p{Lu}/u.test(lastWord) ? `|${escape(lastWord)}` : '';
        const pattern = new RegExp(`\\b(?:[Tt]he ${escape(lastWord.toLowerCase())}${bareWord})\\b`, 'g');
        const sameHead = this.parties.filter((p) => p.name.split(/\s+/).at(-1)?.toLowerCase() === lastWord.toLowerCase());
        if (sameHead.length === 1)
          for (const match of text.matchAll(pattern))
            found.push({ party, start: match.index!, end: match.index! + match[0].length, text: match[0] });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    // Keep the longest mention at each place.
    return found.filter(
      (m, i) => !found.some((o, j) => j !== i && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
    );
  }

  /** The party of a sort named last before `offset` of `block` (this block, then the ones before): what "she" refers to. */
  lastMentioned(texts: readonly string[], block: number, offset: number, accept: (party: PoolParty) => boolean): PoolParty | undefined {
    for (let b = block; b >= 0 && b >= block - 3; b--) {
      const text = b === block ? texts[b]!.slice(0, offset) : texts[b]!;
      const found = this.mentions(text).filter((m) => accept(m.party));
      if (found.length) return found.at(-1)!.party;
    }
    return undefined;
  }

  /** Who is speaking, from the speaker's words (at offset `at` of block `block`): a person named in them, a party named, a group, or an office of a party. */
  resolveSpeaker(
    speaker: string,
    at: number,
    block: number,
    sentence: string,
    lastOther: PoolParty | undefined,
  ): Array<{ party: PoolParty; speaker?: string; how: string }> {
    // Two speakers joined by "and": one claim each.
    const whole = this.findByName(speaker.replace(/^the\s+/i, ''));
    if (!whole && / and /.test(speaker)) {
      const parts = speaker
        .split(/,? and /)
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.length === 2 && parts.every((part) => part.split(/\s+/).length <= 6)) {
        return parts.flatMap((part) => this.resolveSpeaker(part, at, block, sentence, lastOther).slice(0, 1));
      }
    }
    const mentions = this.mentions(speaker);
    const person = mentions.find((m) => m.party.kind === 'person');
    if (person) {
      const other = mentions.find((m) => m.party !== person.party && m.party.kind !== 'person');
      if (other && !person.party.speaksFor && person.party.origin === 'new') person.party.speaksFor = other.party.id;
      return [{ party: person.party, speaker, how: `the speaker names ${person.party.name}` }];
    }
    const head = headNoun(speaker);
    // A group is named by a common noun: "analysts", "Officials" opening a sentence; "United Nations" is a name.
    const commonHead =
      head !== undefined &&
      (/^\p{Ll}/u.test(head) || speaker.replace(/^(the|a|an|some|two|three|several|many)\s+/i, '').split(/\s+/).length === 1);
    const group = head && commonHead ? GROUP_NOUNS.find(([pattern]) => pattern.test(head)) : undefined;
    if (group) {
      const [, kind] = group;
      const modifier = mentions.find((m) => m.end <= speaker.toLowerCase().lastIndexOf(head!.toLowerCase()));
      if (modifier && kind !== 'commentators')
        return [{ party: modifier.party, speaker, how: `${head} of ${modifier.party.name} (“${modifier.text}”)` }];
      const anonymous = /anonymity|not authori[sz]ed|asked not to be named|declined to be named|did not want to be named/i.test(sentence);
      if (kind === 'unnamed-sources' && !anonymous && lastOther && (lastOther.kind === 'state' || lastOther.kind === 'government')) {
        return [
          {
            party: lastOther,
            speaker,
            how: `guess: unnamed ${head}, taken to speak for ${lastOther.name}, the last state or government speaking; check`,
          },
        ];
      }
      const headKey = singular(head!.toLowerCase());
      const same = this.parties.find((p) => p.origin === 'new' && p.head === headKey && p.kind === kind);
      const name = speaker.replace(/^(the|a|an|some|two|three|several|many|one|other|\d+)\s+/i, '').replace(/,.*$/, '');
      if (same) {
        if (!same.aliases.includes(name) && same.name !== name) same.aliases.push(name);
        return [{ party: same, speaker, how: `the same group as “${same.name}”` }];
      }
      const party = this.add({
        name: upperFirst(name),
        kind,
        aliases: [],
        head: headKey,
        why: `a group named by its head noun “${head}”`,
        kindGuessed: true,
      });
      return [{ party, speaker, how: `a group (${kind}) named by the text` }];
    }
    if (mentions.length > 0) {
      const first = mentions[0]!;
      return [{ party: first.party, speaker, how: `the speaker names ${first.party.name} (“${first.text}”)` }];
    }
    const bare = speaker.replace(/,.*$/, '').replace(/^(the|a|an|its|their|his|her)\s+/i, '');
    if (
      /anonymity|not authori[sz]ed|asked not to be named|declined to be named|did not want to be named/i.test(sentence) &&
      !/\p{Lu}/u.test(bare.slice(1))
    ) {
      const party = this.add({
        name: upperFirst(bare),
        kind: 'unnamed-sources',
        aliases: [],
        why: 'the text says the speaker is not named',
        kindGuessed: false,
      });
      return [{ party, speaker, how: 'a speaker the text does not name' }];
    }
    // "the roads office" after "the district roads office": the same organisation, named shorter.
    const shorter = this.parties.find(
      (p) => p.kind !== 'person' && bare.includes(' ') && p.name.toLowerCase().endsWith(bare.toLowerCase()),
    );
    if (shorter) return [{ party: shorter, speaker, how: `“${speaker}” is ${shorter.name}, named shorter` }];
    // "the port authority", "the regional council": an organisation the text names without capitals.
    if (head && ORGANISATION_HEADS.test(head) && !/^(its|their|his|her)\s/i.test(speaker)) {
      const words = bare.split(/\s+/).map((w) => ({ text: w }));
      const kind =
        orgKindOf(words as Token[]) ??
        (/^(ministry|government|administration|cabinet|presidency|embassy|delegation)$/i.test(head) ? 'government' : 'institution');
      const party = this.add({
        name: upperFirst(bare),
        kind,
        aliases: [],
        why: `an organisation named by its head noun “${head}”`,
        kindGuessed: true,
      });
      return [{ party, speaker, how: 'a new party named by the speaker’s words' }];
    }
    // "the mayor said", "the minister added": a person's role with no name, most likely the person named last.
    if (
      head &&
      ROLE_NOUNS.test(head) &&
      !/^(spokes\w+|official|analyst|engineer|member|representative|who|hydrologist|economist|nurse)$/i.test(head) &&
      !/\p{Lu}/u.test(bare.slice(1))
    ) {
      const person = this.lastMentioned(this.texts, block, at, (p) => p.kind === 'person');
      if (person) return [{ party: person, speaker, how: `guess: “${speaker}” taken to be ${person.name}, the person named last; check` }];
    }
    // A capitalised name in the speaker's words that no list knows yet: a new party.
    if (head && OFFICE_HEADS.test(head)) return this.officeOf(speaker, sentence, lastOther);
    const capitalised = /(?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:of\s+|for\s+)?\p{Lu}[\p{L}’'-]*)*/u.exec(speaker.replace(/^(The|A|An)\s+/, ''));
    if (capitalised && !NOT_NAMES.has(capitalised[0].toLowerCase())) {
      const name = capitalised[0].replace(/['’]s$/, '');
      const known = this.findByName(name);
      if (known) return [{ party: known, speaker, how: `the speaker names ${known.name}` }];
      const words = name.split(/\s+/).map((w) => ({ text: w }));
      const kind = orgKindOf(words as Token[]) ?? (words.length >= 2 ? 'person' : 'institution');
      const party = this.add({ name, kind, aliases: [], why: `named as the speaker; kind guessed`, kindGuessed: true });
      return [{ party, speaker, how: `a new party named by the speaker’s words` }];
    }
    return this.officeOf(speaker, sentence, lastOther);
  }

  /** An office with no name ("the ministry", "a ministry statement"): the party named before it in the sentence, or the last one speaking. */
  private officeOf(
    speaker: string,
    sentence: string,
    lastOther: PoolParty | undefined,
  ): Array<{ party: PoolParty; speaker?: string; how: string }> {
    const inSentence = this.mentions(sentence).filter((m) => m.party.kind !== 'person');
    const nearest = inSentence.find((m) => sentence.indexOf(speaker) === -1 || m.start < sentence.indexOf(speaker) + speaker.length);
    if (nearest)
      return [
        { party: nearest.party, speaker, how: `guess: “${speaker}” taken to be of ${nearest.party.name}, named in the sentence; check` },
      ];
    if (lastOther)
      return [{ party: lastOther, speaker, how: `guess: “${speaker}” taken to be of ${lastOther.name}, the last party speaking; check` }];
    const party = this.add({
      name: upperFirst(speaker.replace(/^(the|a|an)\s+/i, '')),
      kind: 'institution',
      aliases: [],
      why: 'named only by the speaker’s words; kind guessed',
      kindGuessed: true,
    });
    return [{ party, speaker, how: 'a new party named by the speaker’s words' }];
  }

  /** The parties a claim is about: those its words (else its sentence) name, other than the claimant; else the claimant. */
  about(quote: string, sentence: string, by: PoolParty): string[] {
    const exclude = new Set([by.id, by.speaksFor]);
    const pick = (text: string) => [...new Set(this.mentions(text).map((m) => m.party.id))].filter((id) => !exclude.has(id));
    const ids = pick(quote);
    if (ids.length) return ids;
    const inSentence = pick(sentence);
    if (inSentence.length) return inSentence;
    return [by.speaksFor ?? by.id];
  }

  /** The parties the suggested claims use that the article does not have yet, with their aliases in this text. */
  suggestedParties(claims: SuggestedClaim[]): SuggestedParty[] {
    const used = new Set<string>();
    for (const { claim } of claims) {
      used.add(claim.by);
      claim.about.forEach((id) => used.add(id));
    }
    for (const id of [...used]) {
      const speaksFor = this.byId(id)?.speaksFor;
      if (speaksFor) used.add(speaksFor);
    }
    const text = this.texts.join('\n');
    const out: SuggestedParty[] = [];
    for (const party of this.parties) {
      if (!used.has(party.id) || party.origin === 'article') continue;
      // The name this text uses: the party's own, else an alias the text has.
      const occurs = (name: string) => new RegExp(`(?<![\\p{L}-])${escape(name)}(?![\\p{L}-])`, 'iu').test(text);
      const names = [party.name, ...party.aliases].filter(occurs);
      const name = party.kind === 'publication' || party.kind === 'unnamed-sources' ? party.name : (names[0] ?? party.name);
      const aliases = names.filter((n) => n !== name);
      const result: Party = { id: party.id, name, kind: party.kind, aliases };
      if (party.speaksFor && used.has(party.speaksFor)) result.speaksFor = party.speaksFor;
      out.push({
        party: result,
        why: party.why,
        kindGuessed: party.kindGuessed,
        from: party.origin === 'other' ? { article: party.article! } : 'new',
      });
    }
    return out;
  }
}

function orgKindOf(run: ReadonlyArray<{ text: string }>): PartyKind | undefined {
  for (let i = run.length - 1; i >= 0; i--) {
    const w = run[i]!.text.replace(/['’]s$/, '');
    for (const [pattern, kind] of ORGANISATION_WORDS) if (pattern.test(w)) return kind;
  }
  if (run.length === 1 && /^\p{Lu}{2,6}$/u.test(run[0]!.text)) return 'institution';
  return undefined;
}

function isOrgRun(run: Token[]): boolean {
  return orgKindOf(run) !== undefined;
}

/** The head noun of a speaker's words: the last word before "of", "in", "at", "who" or a comma. */
function headNoun(speaker: string): string | undefined {
  const core = speaker.split(/,|\s(?:of|in|at|from|who|which|for|on)\s/)[0]!.trim();
  const words = core.split(/\s+/);
  return words.at(-1)?.replace(/['’]s?$/, '');
}

function singular(noun: string): string {
  return noun.replace(/ies$/, 'y').replace(/s$/, '');
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
