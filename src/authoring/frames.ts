import type { ClaimKind } from '../schemas/claim.ts';
import { NOT_A_STATEMENT, PRONOUNS, REPORTING_FORMS, type ReportingVerb } from './lexicon.ts';
import { has, type Sentence, type Token, word } from './tokens.ts';

/** A run of one block's text. */
export interface Range {
  start: number;
  end: number;
}

/** How a claim was found: shown to the editor as the reason for the suggestion. */
export type FrameType =
  | 'subject-verb'
  | 'participle'
  | 'inverted'
  | 'after-quote'
  | 'parenthetical'
  | 'according-to'
  | 'passive-agent'
  | 'block-quotation'
  | 'continued-quotation'
  | 'own-voice';

/** One speech act found in a block: who (as the text words it), the verb, and the claim's words. */
export interface Frame {
  block: number;
  type: FrameType;
  kind: ClaimKind;
  /** The reporting verb as written, and its dictionary form. */
  verb?: string;
  lemma?: string;
  /** The speaker's words in the block (absent: the article's own voice, or taken from context). */
  speaker?: Range;
  /** The speaker is a pronoun ("she said") to be resolved from the sentences before. */
  pronoun?: 'person' | 'group' | 'organisation';
  /** Speaker inherited from the main clause or an earlier block. */
  inherited?: boolean;
  /** The claim's words, in reading order, in this block. */
  spans: Range[];
  /** The sentence the frame is in. */
  sentence: Range;
  /** The verb ends its sentence with a colon: what it introduces is in the next block(s). */
  introduces?: boolean;
}

interface Candidate {
  index: number;
  verb: ReportingVerb;
  /** "called X “…”": a label, not a call on someone. */
  label?: boolean;
}

const AUXILIARY =
  /^(has|have|had|is|are|was|were|be|been|being|will|would|could|can|may|might|should|shall|must|do|does|did|also|again|repeatedly|strongly|firmly|publicly|now|then|later|still|already|previously|recently|earlier|further|formally|flatly|openly|immediately|quickly|reportedly|allegedly|privately|separately|once|twice)$/;
const DETERMINER_BEFORE = /^(the|a|an|its|their|his|her|this|that|these|those|our|my|your|whose)$/;
const CLAUSE_JOIN = /^(and|but|while|whereas|although|though|as|because)$/;

const endsWithComma = (token: Token | undefined) => /,/.test(token?.post ?? '');
/** A semicolon, a colon or a spaced dash ends a clause: "calls for talks — a statement says …". */
const endsClause = (token: Token | undefined) => /[;:]|\s[—–]\s/.test(token?.post ?? '');
const closesQuote = (token: Token | undefined) => /[”"]/.test(token?.post ?? '');

/** Reporting verbs of a sentence that are verbs here (compromise's tags), with the frame their particle picks. */
function candidates(text: string, tokens: Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, index) => {
    const entries = REPORTING_FORMS.get(word(token));
    if (!entries) return;
    if (!has(token, 'Verb')) return;
    if (has(token, 'Noun') && !has(token, 'Gerund')) return;
    const previous = tokens[index - 1];
    if (previous && DETERMINER_BEFORE.test(word(previous)) && !endsWithComma(previous)) return;
    if (previous && /^(not|never|n't)$/.test(word(previous))) return;
    if (tokens[index - 2] && /^(not|never)$/.test(word(tokens[index - 2])) && AUXILIARY.test(word(previous))) return;
    // "surveillance capabilities and reported training support": a participle used as an adjective.
    const following = tokens[index + 1];
    if (
      /ed$/.test(word(token)) &&
      following &&
      (has(following, 'Noun') || has(following, 'Adjective') || has(following, 'Gerund')) &&
      !has(following, 'Determiner') &&
      !has(following, 'Pronoun') &&
      !has(following, 'ProperNoun') &&
      !/[“"]/.test(following.pre) &&
      (!previous || /^(and|or|of|with|the|a|an)$/.test(word(previous)) || endsWithComma(previous))
    )
      return;
    // "the bridge, which adds twenty minutes": a relative clause about a thing, not a speaker.
    if (previous && /^(which|that)$/.test(word(previous))) return;
    if (
      entries[0]!.lemma === 'add' &&
      !/^(that)$/.test(word(tokens[index + 1])) &&
      !/[“"]/.test(tokens[index + 1]?.pre ?? '') &&
      index < tokens.length - 1 &&
      !endsWithComma(token)
    )
      return;
    // "attacks claimed by the group": a passive, found by passiveAgents.
    if (word(tokens[index + 1]) === 'by' && !AUXILIARY.test(word(previous))) return;
    const rest = text.slice(token.start);
    if (NOT_A_STATEMENT.some((pattern) => pattern.test(rest))) return;
    const next = word(tokens[index + 1]);
    let verb = entries.find((entry) => entry.particle?.includes(next)) ?? entries.find((entry) => !entry.particle);
    let label = false;
    if (!verb) {
      // "called the threat “disproportionate”": a verdict in the speaker's words.
      const lemma = entries[0]!.lemma;
      const quoted = tokens.slice(index + 1, index + 9).some((t) => /[“"]/.test(t.pre));
      if (lemma === 'call' && quoted) {
        verb = { lemma: 'call', kind: 'assert', complement: 'object' };
        label = true;
      } else return;
    }
    if (verb.objectWord && !tokens.slice(index + 1, index + 6).some((t) => word(t) === verb!.objectWord)) return;
    found.push({ index, verb, label });
  });
  return found;
}

/** The tokens of a noun phrase ending at `end` (inclusive), scanning back: nouns, names, adjectives, determiners, possessives. */
function nounPhraseBefore(tokens: Token[], end: number, floor: number): number {
  let start = end + 1;
  for (let j = end; j >= floor; j--) {
    const token = tokens[j]!;
    if (j < end && (endsWithComma(token) || endsClause(token))) break;
    const ok =
      has(token, 'Noun') ||
      has(token, 'Adjective') ||
      has(token, 'Determiner') ||
      has(token, 'ProperNoun') ||
      has(token, 'Possessive') ||
      has(token, 'Value') ||
      /^(of|for|at)$/.test(word(token));
    if (!ok) break;
    start = j;
  }
  // A phrase does not start with "of".
  while (start <= end && /^(of|for|at)$/.test(word(tokens[start]))) start++;
  return start;
}

/** The end (exclusive) of a noun phrase starting at `start`: up to a comma, a verb or the sentence end. */
function nounPhraseAfter(tokens: Token[], start: number): number {
  let end = start;
  for (let j = start; j < tokens.length; j++) {
    const token = tokens[j]!;
    const modifier = /ed$/.test(word(token)) && /^(the|a|an)$/.test(word(tokens[j - 1])); // "the banned group"
    if (has(token, 'Verb') && !has(token, 'Participle') && j > start && !modifier) break;
    if (/^(who|which|that)$/.test(word(token)) && j > start) break;
    end = j + 1;
    if (endsWithComma(token) || endsClause(token) || /[.!?]/.test(token.post)) break;
  }
  return end;
}

/** Drops an opening adverbial ("In a statement,", "However,") and trailing auxiliaries, adverbs and dates from a subject. */
function trimSubject(tokens: Token[], from: number, to: number): [number, number] {
  let start = from;
  let end = to; // exclusive
  // A dateline ("PORT ELSA, May 4 - ") ends at a spaced dash.
  for (let j = start; j < end - 1; j++) if (/\s[-–—]\s/.test(tokens[j]!.post)) start = j + 1;
  // "Last year it said": time words before the subject.
  while (
    start < end - 1 &&
    (has(tokens[start], 'Date') ||
      /^(last|this|next|earlier|later|previously|on|in|year|week|month|today|yesterday)$/.test(word(tokens[start])))
  ) {
    const t = tokens[start]!;
    if (/^(on|in)$/.test(word(t)) && !has(tokens[start + 1], 'Date')) break;
    start++;
  }
  for (let guard = 0; guard < 4; guard++) {
    const first = tokens[start];
    if (!first) break;
    // An opening phrase that ends at a comma: "In a statement,", "However,", "Asked about the delay,".
    const opener =
      has(first, 'Preposition') ||
      has(first, 'Adverb') ||
      has(first, 'Conjunction') ||
      has(first, 'Date') ||
      (has(first, 'Verb') && !has(first, 'Noun')) ||
      /^(however|meanwhile|until|after|before|when|while|since|although|as|if)$/.test(word(first));
    if (!opener) break;
    let comma = -1;
    for (let j = start; j < end - 1; j++)
      if (endsWithComma(tokens[j])) {
        comma = j;
        break;
      }
    if (comma === -1) break;
    start = comma + 1;
  }
  for (let guard = 0; guard < 12 && end > start; guard++) {
    const last = tokens[end - 1]!;
    if (
      AUXILIARY.test(word(last)) ||
      (has(last, 'Adverb') && !has(last, 'Noun')) ||
      has(last, 'Date') ||
      has(last, 'Auxiliary') ||
      has(last, 'Modal') ||
      (has(last, 'Value') && end - 1 > start)
    ) {
      end--;
      continue;
    }
    if (has(last, 'Preposition') && end < to) {
      end--;
      continue;
    }
    // "X, in a written statement," / "X, speaking to reporters," before the verb: an aside, not the speaker.
    if (endsWithComma(tokens[end - 1]) && end - start > 2) {
      let aside = end - 2;
      while (aside > start && !endsWithComma(tokens[aside])) aside--;
      const opener = tokens[aside + 1];
      if (aside > start && opener && (has(opener, 'Preposition') || has(opener, 'Gerund'))) {
        end = aside + 1;
        continue;
      }
    }
    break;
  }
  return [start, end];
}

function rangeOf(tokens: Token[], from: number, to: number): Range | undefined {
  if (to <= from) return undefined;
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/** Trims spaces and a trailing comma, full stop, colon or semicolon (a closing quotation mark stays). */
export function trimRange(text: string, range: Range): Range | undefined {
  let { start, end } = range;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,.;:—–-]/.test(text[end - 1]!)) end--;
  if (/^that\s/i.test(text.slice(start, end))) start += 5;
  return end - start >= 3 ? { start, end } : undefined;
}

const wordCount = (text: string, range: Range) => text.slice(range.start, range.end).trim().split(/\s+/).length;

/** The quotations (“…” or "…") of a block. */
export function quotations(text: string): Range[] {
  const out: Range[] = [];
  for (const match of text.matchAll(/“[^“”]*”|(?<![\p{L}\p{N}])"[^"]*"(?![\p{L}\p{N}])/gu))
    out.push({ start: match.index!, end: match.index! + match[0].length });
  return out;
}

/** Where the quotation that closes just before `at` opens, in the block text. */
function quotationBefore(text: string, at: number): Range | undefined {
  const curly = text.lastIndexOf('”', at);
  const straight = text.lastIndexOf('"', at);
  if (straight > curly) {
    const open = text.lastIndexOf('"', straight - 1);
    return open === -1 ? undefined : { start: open, end: straight + 1 };
  }
  if (curly === -1) return undefined;
  const open = text.lastIndexOf('“', curly);
  if (open === -1) return undefined;
  return { start: open, end: curly + 1 };
}

/** Finds the speech acts of one block, sentence by sentence. */
export function findFrames(text: string, sentences: Sentence[], block: number): Frame[] {
  const frames: Frame[] = [];
  const quoted = quotations(text);
  for (const sentence of sentences) {
    const { tokens } = sentence;
    const sentenceRange = { start: sentence.start, end: sentence.end };
    // A verb inside quotation marks is the speaker's own words, not the reporter's frame.
    const found = candidates(text, tokens).filter(
      (c) => !quoted.some((q) => tokens[c.index]!.start > q.start && tokens[c.index]!.end < q.end),
    );
    const accepted: Array<{ frame: Frame; candidate: Candidate; regionStart: number }> = [];

    for (const candidate of found) {
      const i = candidate.index;
      const verbToken = tokens[i]!;
      const { verb } = candidate;
      /** A frame of this verb in this sentence: its type, speaker and spans, and anything more. */
      const frameOf = (type: FrameType, speaker: Range | undefined, spans: Range[], more: Partial<Frame> = {}): Frame => ({
        block,
        type,
        kind: verb.kind,
        verb: verbToken.text,
        lemma: verb.lemma,
        speaker,
        spans,
        sentence: sentenceRange,
        ...more,
      });
      const previousFrame = accepted[accepted.length - 1];
      // "urged both sides to meet and said it would host the talks": a second verb of the same speaker.
      if (previousFrame && /^(and|but)$/.test(word(tokens[i - 1])) && previousFrame.frame.speaker) {
        const content = contentAfter(text, tokens, i, verb);
        if (content) {
          const frame: Frame = {
            ...previousFrame.frame,
            kind: verb.kind,
            verb: verbToken.text,
            lemma: verb.lemma,
            spans: [content],
            introduces: undefined,
          };
          accepted.push({ frame, candidate, regionStart: i - 1 });
        }
        continue;
      }
      // A reporting verb inside what another verb reports ("said both sides had confirmed…") is part of that claim.
      if (previousFrame && previousFrame.frame.type !== 'after-quote' && previousFrame.frame.type !== 'parenthetical') {
        const between = tokens.slice(previousFrame.candidate.index, i);
        const gerundAfterNoun = has(verbToken, 'Gerund') && has(tokens[i - 1], 'Noun');
        if (!between.some((t) => endsWithComma(t) || endsClause(t)) && !gerundAfterNoun) continue;
      }
      // The clause the verb is in starts after a clause boundary.
      let boundary = 0;
      let afterQuote = false;
      for (let j = i - 1; j >= 0; j--) {
        const token = tokens[j]!;
        if (endsClause(token)) {
          boundary = j + 1;
          break;
        }
        if (closesQuote(token)) {
          boundary = j + 1;
          afterQuote = true;
          break;
        }
        if (CLAUSE_JOIN.test(word(token)) && endsWithComma(tokens[j - 1])) {
          boundary = j + 1;
          break;
        }
        if (word(token) === 'that' && j < i - 1) {
          boundary = j + 1;
          break;
        }
        if (found.some((c) => c.index === j)) {
          boundary = j + 1;
          break;
        }
      }
      const isGerund = has(verbToken, 'Gerund') || /ing$/.test(word(verbToken));
      // "Writing on X on Friday, she added that …": a participle opening the sentence sets the scene.
      if (isGerund && i === 0) continue;
      const afterComma = endsWithComma(tokens[i - 1]) || closesQuote(tokens[i - 1]);
      let frame: Frame | undefined;
      let regionStart = i;

      if (isGerund && (i === boundary || afterComma || has(tokens[i - 1], 'Noun'))) {
        // Participle: "…, warning that …", "the spokesperson accusing X of …".
        let speaker: Range | undefined;
        let inherited = false;
        const by = lastIndexOfWord(tokens, 'by', i - 1, 0);
        if (by !== -1 && !tokens.slice(by, i - 1).some((t) => has(t, 'Verb') && !has(t, 'Participle'))) {
          speaker = rangeOf(tokens, by + 1, Math.min(i, nounPhraseAfter(tokens, by + 1)));
        } else if (!afterComma && has(tokens[i - 1], 'Noun')) {
          speaker = rangeOf(tokens, nounPhraseBefore(tokens, i - 1, boundary), i);
        } else {
          inherited = true;
        }
        const main = accepted.find((a) => a.frame.type === 'subject-verb');
        if (inherited && main?.frame.speaker) {
          speaker = main.frame.speaker;
          inherited = false;
        }
        const content = contentAfter(text, tokens, i, verb);
        if (!content) continue;
        frame = frameOf('participle', speaker, [content], {
          pronoun: inherited ? undefined : main && speaker === main.frame.speaker ? main.frame.pronoun : undefined,
          inherited,
        });
        regionStart = afterComma ? i : i;
      } else if (
        afterComma &&
        verb.complement === 'clause' &&
        i < tokens.length - 1 &&
        (has(tokens[i + 1], 'ProperNoun') ||
          has(tokens[i + 1], 'Determiner') ||
          has(tokens[i + 1], 'Noun') ||
          has(tokens[i + 1], 'Value')) &&
        !/^(that)$/.test(word(tokens[i + 1])) &&
        (closesQuote(tokens[i - 1]) || speakerEndsSentence(tokens, i + 1))
      ) {
        // Inverted: "“…,” said Mara Okonjo, who …".
        const speakerEnd = nounPhraseAfter(tokens, i + 1);
        const speaker = rangeOf(tokens, i + 1, speakerEnd);
        const before = closesQuote(tokens[i - 1])
          ? quotationBefore(text, tokens[i - 1]!.end + 1)
          : trimRange(text, { start: clauseStart(tokens, i - 1), end: tokens[i - 1]!.end });
        if (!before || !speaker) continue;
        frame = frameOf('inverted', speaker, [before]);
      } else {
        const [subjectStart, subjectEnd] = trimSubject(tokens, boundary, i);
        if (subjectEnd <= subjectStart) continue;
        let from = subjectStart;
        const after = tokens.slice(i + 1);
        const endsSentence =
          after.length === 0 ||
          (after.length <= 6 && !after.some((t) => word(t) === 'that' || /[“"]/.test(t.pre) || (has(t, 'Verb') && !has(t, 'Participle'))));
        // "The work will cost more, port officials say.": the speaker is after the last comma.
        let lastComma = -1;
        for (let j = subjectStart; j < subjectEnd - 1; j++) if (endsWithComma(tokens[j])) lastComma = j;
        if (
          (endsSentence || endsWithComma(verbToken)) &&
          lastComma !== -1 &&
          subjectEnd - lastComma - 1 <= 6 &&
          nounPhraseBefore(tokens, subjectEnd - 1, lastComma + 1) === lastComma + 1
        )
          from = lastComma + 1;
        else if (subjectEnd - subjectStart > 14) from = nounPhraseBefore(tokens, subjectEnd - 1, subjectStart);
        const speaker = rangeOf(tokens, from, subjectEnd)!;
        // "— a step it had refused to take": the reporter's aside about what came before, not a speaker's frame.
        if (
          boundary > 0 &&
          /\s[—–]\s/.test(tokens[boundary - 1]!.post) &&
          /^(a|an)\s+\p{Ll}+\s+(it|he|she|they|we|that|which|who)\s/u.test(text.slice(tokens[boundary]!.start))
        )
          continue;
        // "…, a charge the Calvanese government denied": the first noun phrase is what the second one denies.
        const second =
          from + 1 < subjectEnd && /^(a|an|the|this|that)$/.test(word(tokens[from]))
            ? tokens.slice(from + 1, subjectEnd).findIndex((t) => /^(the|a|an|its|their|his|her)$/.test(word(t)) || has(t, 'ProperNoun'))
            : -1;
        if (
          second > 0 &&
          tokens.slice(from + 1, from + 1 + second).every((t) => has(t, 'Noun') && !has(t, 'ProperNoun')) &&
          i >= tokens.length - 2
        ) {
          const speakerRange = rangeOf(tokens, from + 1 + second, subjectEnd)!;
          const span = trimRange(text, { start: tokens[from]!.start, end: verbToken.end });
          if (span) {
            accepted.push({
              frame: frameOf('subject-verb', speakerRange, [span]),
              candidate,
              regionStart: from,
            });
          }
          continue;
        }
        const pronoun = subjectEnd - from === 1 ? PRONOUNS[word(tokens[from])] : undefined;
        regionStart = from;
        const beforeSubject = tokens[from - 1];
        // What follows the verb in its own clause: up to the next comma ("she said on Tuesday, adding that …").
        const nextComma = tokens.findIndex((t, k) => k > i && endsWithComma(t));
        const tail = tokens.slice(i + 1, nextComma === -1 ? tokens.length : nextComma + 1);
        const shortTail =
          !tail.some((t) => word(t) === 'that' || /[“"]/.test(t.pre)) &&
          ((tail.length <= 6 && !tail.some((t) => has(t, 'Verb') && !has(t, 'Participle'))) ||
            (tail.length > 0 && (has(tail[0], 'Preposition') || has(tail[0], 'Date') || word(tail[0]) === 'reporters')));
        const parenthetical = endsWithComma(verbToken) && tail.length > 2;
        const followsSomething =
          from > 0 && (endsWithComma(beforeSubject) || closesQuote(beforeSubject) || (afterQuote && from === boundary));
        if (verb.complement === 'clause' && followsSomething && (parenthetical || shortTail || i === tokens.length - 1)) {
          // After what it reports: "“…,” she said." / "These attacks, they say, have …" / "…, officials say."
          const beforeEnd = tokens[from - 1]!;
          if (parenthetical) {
            const first = trimRange(text, { start: clauseStart(tokens, from - 1), end: beforeEnd.end + 1 });
            const second = trimRange(text, { start: tokens[i + 1]!.start - tokens[i + 1]!.pre.length, end: sentence.end });
            if (!first || !second) continue;
            frame = frameOf('parenthetical', speaker, [first, second], { pronoun });
          } else {
            const quoted = closesQuote(beforeEnd) ? quotationBefore(text, beforeEnd.end + beforeEnd.post.length) : undefined;
            const before = quoted ?? trimRange(text, { start: clauseStart(tokens, from - 1), end: beforeEnd.end });
            if (!before) continue;
            frame = frameOf('after-quote', speaker, [before], { pronoun });
          }
        } else {
          if (/:\s*$/.test(verbToken.post) && i === tokens.length - 1) {
            frames.push(frameOf('subject-verb', speaker, [], { pronoun, introduces: true }));
            continue;
          }
          const content = candidate.label
            ? trimRange(text, { start: verbToken.start, end: sentence.end })
            : contentAfter(text, tokens, i, verb);
          if (!content) continue;
          frame = frameOf('subject-verb', speaker, [content], { pronoun });
        }
      }
      if (frame) accepted.push({ frame, candidate, regionStart });
    }
    // Frames with too few words of their own ("the talks the commission has offered") are none, and cut nothing.
    for (let k = accepted.length - 1; k >= 0; k--) {
      const { frame } = accepted[k]!;
      if (frame.spans.reduce((n, span) => n + wordCount(text, span), 0) < 3) accepted.splice(k, 1);
    }
    // Each claim ends where the next frame of its sentence begins.
    accepted.forEach(({ frame }, k) => {
      const next = accepted[k + 1];
      if (!next || frame.spans.length !== 1 || next.frame.type === 'after-quote' || next.frame.type === 'inverted') return;
      const span = frame.spans[0]!;
      const cut = tokens[next.regionStart]!.start;
      if (cut > span.start && cut < span.end) {
        const trimmed = trimRange(text, { start: span.start, end: cut });
        if (trimmed) frame.spans[0] = trimmed;
      }
    });
    // "called on X to A, B and C": three demands, one claim each.
    for (const entry of [...accepted]) {
      const { frame } = entry;
      if (!['demand', 'appeal', 'commit'].includes(frame.kind) || frame.spans.length !== 1) continue;
      const parts = splitInfinitives(text, tokens, frame.spans[0]!);
      if (parts.length < 2) continue;
      frame.spans = [parts[0]!];
      accepted.splice(accepted.indexOf(entry) + 1, 0, ...parts.slice(1).map((part) => ({ ...entry, frame: { ...frame, spans: [part] } })));
    }
    for (const { frame } of accepted) {
      if (
        (frame.type === 'parenthetical' || frame.spans.every((span) => wordCount(text, span) >= 2)) &&
        frame.spans.reduce((n, span) => n + wordCount(text, span), 0) >= 3
      )
        frames.push(frame);
    }
    frames.push(...accordingTo(text, tokens, block, sentenceRange));
    frames.push(...passiveAgents(text, tokens, block, sentenceRange));
  }
  return frames;
}

/** Whether the noun phrase starting at `start` runs to the end of the sentence or to ", who …": an inverted speaker. */
function speakerEndsSentence(tokens: Token[], start: number): boolean {
  const end = nounPhraseAfter(tokens, start);
  if (end >= tokens.length) return true;
  const last = tokens[end - 1]!;
  return /[.!?]/.test(last.post) || (endsWithComma(last) && /^(who|which|whose|a|an|the)$/.test(word(tokens[end])));
}

/** Splits "to A, B(,) and C" inside a span where B and C are verbs in the base form: the span up to A, then B, then C. */
function splitInfinitives(text: string, tokens: Token[], span: Range): Range[] {
  const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  const to = inside.findIndex((t) => word(t) === 'to' && has(inside[inside.indexOf(t) + 1], 'Infinitive'));
  if (to === -1) return [];
  const cuts: number[] = [];
  for (let k = to + 2; k < inside.length; k++) {
    const previous = inside[k - 1]!;
    const startsItem = (t: Token | undefined) => t !== undefined && has(t, 'Infinitive') && !has(t, 'Noun');
    if (endsWithComma(previous) && startsItem(inside[k])) cuts.push(k);
    else if (word(inside[k]) === 'and' && endsWithComma(previous) && startsItem(inside[k + 1])) cuts.push(k + 1);
    else if (word(inside[k]) === 'and' && cuts.length > 0 && startsItem(inside[k + 1])) cuts.push(k + 1);
  }
  if (cuts.length === 0) return [];
  const ranges: Range[] = [];
  let from = span.start;
  for (const cut of cuts) {
    const range = trimRange(text, { start: from, end: inside[cut]!.start });
    if (range) ranges.push(range);
    from = inside[cut]!.start;
  }
  const last = trimRange(text, { start: from, end: span.end });
  if (last) ranges.push(last);
  return ranges.map((range) => {
    // Each item ends before its joining ", and".
    const words = text.slice(range.start, range.end);
    const cut = words.search(/,?\s+and$/);
    return cut > 0 ? { start: range.start, end: range.start + cut } : range;
  });
}

function lastIndexOfWord(tokens: Token[], target: string, from: number, floor: number): number {
  for (let j = from; j >= floor; j--) {
    if (word(tokens[j]) === target) return j;
    if (endsClause(tokens[j]) || (j < from && endsWithComma(tokens[j]))) return -1;
  }
  return -1;
}

/** The start of the clause that ends at token `last`: after the previous clause boundary in the sentence. */
function clauseStart(tokens: Token[], last: number): number {
  for (let j = last - 1; j >= 0; j--) {
    const token = tokens[j]!;
    if (endsClause(token) || /[.!?]/.test(token.post)) return tokens[j + 1]!.start - tokens[j + 1]!.pre.length;
  }
  return tokens[0]!.start - tokens[0]!.pre.length;
}

/** The claim's words after a verb: the clause after "that", the quotation, or the verb with its object. */
function contentAfter(text: string, tokens: Token[], i: number, verb: ReportingVerb): Range | undefined {
  const verbToken = tokens[i]!;
  const end = tokens[tokens.length - 1]!.end + (tokens[tokens.length - 1]!.post.match(/^[”"’)]+/)?.[0].length ?? 0);
  if (verb.complement === 'object') return trimRange(text, { start: verbToken.start, end });
  let from = i + 1;
  if (verb.particle?.includes(word(tokens[from]))) from++;
  for (let j = from; j < Math.min(tokens.length, from + 9); j++) {
    if (word(tokens[j]) === 'that' && !has(tokens[j], 'Noun')) return trimRange(text, { start: tokens[j + 1]?.start ?? end, end });
    // "said the dredging had stirred up silt that…": a "that" after a verb is a relative pronoun, not the complement.
    if (endsClause(tokens[j]) || /[.!?]/.test(tokens[j]!.post) || (has(tokens[j], 'Verb') && j > from)) break;
  }
  // "told reporters …" with no "that": the words after the person told.
  if (verb.lemma === 'tell' && tokens[from] && (has(tokens[from], 'Noun') || has(tokens[from], 'Determiner'))) {
    from = nounPhraseAfter(tokens, from);
  }
  const first = tokens[from];
  if (!first) return undefined;
  // "denied similar accusations": no clause follows, so the verb is part of the claim's words.
  const rest = tokens.slice(from);
  if (
    verb.lemma !== 'say' &&
    verb.lemma !== 'tell' &&
    !/[“"]/.test(first.pre) &&
    !rest.some((t) => has(t, 'Verb') && !has(t, 'Participle') && !has(t, 'Gerund'))
  ) {
    return trimRange(text, { start: verbToken.start, end });
  }
  return trimRange(text, { start: first.start - (first.pre.match(/[“"‘]$/)?.[0].length ?? 0), end });
}

/** "…, according to X." / "According to X, …": X says the rest of the sentence. */
function accordingTo(text: string, tokens: Token[], block: number, sentence: Range): Frame[] {
  for (let j = 0; j + 2 < tokens.length; j++) {
    if (word(tokens[j]) !== 'according' || word(tokens[j + 1]) !== 'to') continue;
    const speakerEnd = nounPhraseAfter(tokens, j + 2);
    const speaker = rangeOf(tokens, j + 2, speakerEnd)!;
    const before = j > 0 ? trimRange(text, { start: tokens[0]!.start - tokens[0]!.pre.length, end: tokens[j - 1]!.end }) : undefined;
    const after = speakerEnd < tokens.length ? trimRange(text, { start: tokens[speakerEnd]!.start, end: sentence.end }) : undefined;
    const spans = [before, after].filter((span): span is Range => span !== undefined);
    if (spans.length === 0) return [];
    return [{ block, type: 'according-to', kind: 'assert', verb: 'according to', lemma: 'according to', speaker, spans, sentence }];
  }
  return [];
}

/** "attacks claimed by the group": a claim of responsibility by the agent. */
function passiveAgents(text: string, tokens: Token[], block: number, sentence: Range): Frame[] {
  const frames: Frame[] = [];
  for (let j = 1; j + 2 < tokens.length; j++) {
    if (word(tokens[j]) !== 'claimed' || word(tokens[j + 1]) !== 'by' || !has(tokens[j - 1], 'Noun')) continue;
    const start = nounPhraseBefore(tokens, j - 1, 0);
    const agentEnd = nounPhraseAfter(tokens, j + 2);
    const speaker = rangeOf(tokens, j + 2, agentEnd);
    const span = trimRange(text, {
      start: tokens[start]!.start,
      end: tokens[agentEnd - 1]!.end + (tokens[agentEnd - 1]!.post.match(/^\s*\)?/)?.[0].trimStart().length ?? 0),
    });
    if (speaker && span)
      frames.push({
        block,
        type: 'passive-agent',
        kind: 'claim-responsibility',
        verb: 'claimed by',
        lemma: 'claim',
        speaker,
        spans: [span],
        sentence,
      });
  }
  return frames;
}
