import { NOT_A_STATEMENT, REPORTING_FORMS, type ReportingVerb } from './lexicon.ts';
import { has, type Token, word } from './tokens.ts';

// The phrases findFrames reads around a reporting verb: noun phrases, clauses, quotations, the content a verb introduces.

/** A run of one block's text. */
export interface Range {
  start: number;
  end: number;
}

export interface Candidate {
  index: number;
  verb: ReportingVerb;
  /** "called X “…”": a label, not a call on someone. */
  label?: boolean;
}

const AUXILIARY =
  /^(has|have|had|is|are|was|were|be|been|being|will|would|could|can|may|might|should|shall|must|do|does|did|also|again|repeatedly|strongly|firmly|publicly|now|then|later|still|already|previously|recently|earlier|further|formally|flatly|openly|immediately|quickly|reportedly|allegedly|privately|separately|once|twice)$/;
const DETERMINER_BEFORE = /^(the|a|an|its|their|his|her|this|that|these|those|our|my|your|whose)$/;
export const CLAUSE_JOIN = /^(and|but|while|whereas|although|though|as|because)$/;

export const endsWithComma = (token: Token | undefined) => /,/.test(token?.post ?? '');
/** A semicolon, a colon or a spaced dash ends a clause: "calls for talks — a statement says …". */
export const endsClause = (token: Token | undefined) => /[;:]|\s[—–]\s/.test(token?.post ?? '');
export const closesQuote = (token: Token | undefined) => /[”"]/.test(token?.post ?? '');

/** Reporting verbs of a sentence that are verbs here (compromise's tags), with the frame their particle picks. */
export function candidates(text: string, tokens: Token[]): Candidate[] {
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
    if (verb.objectWord && !tokens.slice(index + 1, index + 6).some((t) => word(t) === verb.objectWord)) return;
    found.push({ index, verb, label });
  });
  return found;
}

/** The tokens of a noun phrase ending at `end` (inclusive), scanning back: nouns, names, adjectives, determiners, possessives. */
export function nounPhraseBefore(tokens: Token[], end: number, floor: number): number {
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
export function nounPhraseAfter(tokens: Token[], start: number): number {
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
export function trimSubject(tokens: Token[], from: number, to: number): [number, number] {
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

export function rangeOf(tokens: Token[], from: number, to: number): Range | undefined {
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

export const wordCount = (text: string, range: Range) => text.slice(range.start, range.end).trim().split(/\s+/).length;

/** The quotations (“…” or "…") of a block. */
export function quotations(text: string): Range[] {
  const out: Range[] = [];
  for (const match of text.matchAll(/“[^“”]*”|(?<![\p{L}\p{N}])"[^"]*"(?![\p{L}\p{N}])/gu))
    out.push({ start: match.index, end: match.index + match[0].length });
  return out;
}

/**
 * The quotation a block leaves open at its end: from an opening mark that no closing mark follows (curly, or the
 * last of an odd number of straight ones) to the end of the block. A quotation over several paragraphs is
 * written so: each paragraph opens with a quotation mark, and only the last one closes.
 */
export function openQuotation(text: string): Range | undefined {
  const curly = text.lastIndexOf('“');
  if (curly !== -1 && text.indexOf('”', curly) === -1) return { start: curly, end: text.trimEnd().length };
  const straight = [...text.matchAll(/"/g)];
  if (curly === -1 && straight.length % 2 === 1) return { start: straight.at(-1)!.index, end: text.trimEnd().length };
  return undefined;
}

/** Where the quotation that closes just before `at` opens, in the block text. */
export function quotationBefore(text: string, at: number): Range | undefined {
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

/** Whether the noun phrase starting at `start` runs to the end of the sentence or to ", who …": an inverted speaker. */
export function speakerEndsSentence(tokens: Token[], start: number): boolean {
  const end = nounPhraseAfter(tokens, start);
  if (end >= tokens.length) return true;
  const last = tokens[end - 1]!;
  return /[.!?]/.test(last.post) || (endsWithComma(last) && /^(who|which|whose|a|an|the)$/.test(word(tokens[end])));
}

/** Splits "to A, B(,) and C" inside a span where B and C are verbs in the base form: the span up to A, then B, then C. */
export function splitInfinitives(text: string, tokens: Token[], span: Range): Range[] {
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

export function lastIndexOfWord(tokens: Token[], target: string, from: number, floor: number): number {
  for (let j = from; j >= floor; j--) {
    if (word(tokens[j]) === target) return j;
    if (endsClause(tokens[j]) || (j < from && endsWithComma(tokens[j]))) return -1;
  }
  return -1;
}

/** The start of the clause that ends at token `last`: after the previous clause boundary in the sentence. */
export function clauseStart(tokens: Token[], last: number): number {
  for (let j = last - 1; j >= 0; j--) {
    const token = tokens[j]!;
    if (endsClause(token) || /[.!?]/.test(token.post)) return tokens[j + 1]!.start - tokens[j + 1]!.pre.length;
  }
  return tokens[0]!.start - tokens[0]!.pre.length;
}

/** The claim's words after a verb: the clause after "that", the quotation, or the verb with its object. */
export function contentAfter(text: string, tokens: Token[], i: number, verb: ReportingVerb): Range | undefined {
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
