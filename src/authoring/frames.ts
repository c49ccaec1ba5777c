import type { ClaimKind } from '../schemas/claim.ts';
import { PRONOUNS } from './lexicon.ts';
import { has, type Sentence, type Token, word } from './tokens.ts';
import {
  type Candidate,
  candidates,
  CLAUSE_JOIN,
  clauseStart,
  closesQuote,
  contentAfter,
  endsClause,
  endsWithComma,
  lastIndexOfWord,
  nounPhraseAfter,
  nounPhraseBefore,
  quotationBefore,
  quotations,
  type Range,
  rangeOf,
  speakerEndsSentence,
  splitInfinitives,
  trimRange,
  trimSubject,
  wordCount,
} from './phrases.ts';

export type { Range } from './phrases.ts';

/** A form of "be" before a past participle: the verb is passive ("was rejected by"). */
const PASSIVE_AUXILIARY = /^(is|are|was|were|be|been|being)$/;

/** How a claim was found: shown to the editor as the reason for the suggestion. */
export type FrameType =
  | 'subject-verb'
  | 'participle'
  | 'inverted'
  | 'after-quote'
  | 'parenthetical'
  | 'according-to'
  | 'passive'
  | 'passive-agent'
  | 'block-quotation'
  | 'continued-quotation'
  | 'quotation-goes-on'
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
        // "the ministry's offer was rejected by the union": a passive. Its speaker is the agent after "by";
        // with no agent ("the offer was rejected"), no one is named as making the claim, so there is none.
        const beforeVerb = has(tokens[i - 1], 'Adverb') && i > 1 ? i - 2 : i - 1;
        if (beforeVerb > boundary && PASSIVE_AUXILIARY.test(word(tokens[beforeVerb])) && !has(verbToken, 'Gerund')) {
          if (word(tokens[i + 1]) !== 'by' || i + 2 >= tokens.length) continue;
          const end = agentEnd(tokens, i + 2);
          const speaker = rangeOf(tokens, i + 2, end);
          const subject = nounPhraseBefore(tokens, beforeVerb - 1, boundary);
          // The claim's words are what was done, without the agent ("the ministry's offer was rejected"), and
          // what the verb says after it ("was told by an official that …", "criticised by leaders as reckless").
          const done = trimRange(text, { start: tokens[Math.min(subject, beforeVerb)]!.start, end: verbToken.end });
          const rest =
            end < tokens.length && /^(that|as)$/.test(word(tokens[end]))
              ? trimRange(text, { start: tokens[end]!.start, end: sentence.end })
              : undefined;
          if (speaker && done)
            accepted.push({ frame: frameOf('passive', speaker, rest ? [done, rest] : [done]), candidate, regionStart: subject });
          continue;
        }
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
        // Not an apposition closed by a comma before the verb ("Amir Dahl, head of the union, dismissed …"): the whole is the speaker.
        if (
          (endsSentence || endsWithComma(verbToken)) &&
          lastComma !== -1 &&
          !endsWithComma(tokens[subjectEnd - 1]) &&
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

/** The agent after "by": a noun phrase, up to "as", "that" or a preposition but "of" and "for" ("by the union on Tuesday"). */
function agentEnd(tokens: Token[], start: number): number {
  const end = nounPhraseAfter(tokens, start);
  for (let j = start + 1; j < end; j++) {
    const w = word(tokens[j]);
    if (/^(as|that)$/.test(w) || (has(tokens[j], 'Preposition') && !/^(of|for)$/.test(w))) return j;
  }
  return end;
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
