import nlp from 'compromise';

/** A word of a block, tagged by compromise, with its offsets in the block's text. */
export interface Token {
  text: string;
  /** Lower case, punctuation and accents as compromise normalises them. */
  normal: string;
  start: number;
  end: number;
  /** Punctuation and spaces before and after the word, as in the text. */
  pre: string;
  post: string;
  tags: Set<string>;
  /** Index in its sentence. */
  index: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

interface CompromiseTerm {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Splits a block's text into sentences of tagged words (compromise: tokeniser, sentence splitter, part-of-speech tagger). */
export function tokenize(text: string): Sentence[] {
  // A line break inside a block is a space to the reader (and to a quote): not a sentence boundary. Same length, same offsets.
  const json = nlp(text.replace(/\n/g, ' ')).json({ offset: true, terms: { offset: true } }) as Array<{ terms: CompromiseTerm[] }>;
  const sentences: Sentence[] = [];
  for (const sentence of json) {
    const tokens: Token[] = [];
    for (const term of sentence.terms) {
      if (!term.text) continue;
      const start = term.offset.start;
      // compromise's offsets count from the word; check they point at it in our text (they do for BMP text).
      if (text.slice(start, start + term.text.length) !== term.text) continue;
      tokens.push({
        text: term.text,
        normal: term.normal || term.text.toLowerCase(),
        start,
        end: start + term.text.length,
        pre: term.pre ?? '',
        post: term.post ?? '',
        tags: new Set(term.tags),
        index: tokens.length,
      });
    }
    if (tokens.length === 0) continue;
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    const start = first.start - first.pre.trimStart().length;
    const end = last.end + last.post.trimEnd().length;
    sentences.push({ start: Math.max(0, start), end: Math.min(text.length, end), tokens });
  }
  return sentences;
}

export const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text);
export const has = (token: Token | undefined, tag: string) => token?.tags.has(tag) ?? false;
/** Lower case form for matching, with curly apostrophes made straight. */
export const word = (token: Token | undefined) => (token?.text ?? '').toLowerCase().replace(/’/g, "'");
