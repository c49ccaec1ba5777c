import type { Party, PartyKind } from '../schemas/party.ts';
import { countryOfCapital } from './capitals.ts';
import { capId, slugify } from './draft.ts';
import { IRREGULAR_DEMONYMS, NOT_NAMES, ORGANISATION_WORDS, ROLE_NOUNS } from './lexicon.ts';
import type { SuggestedClaim, SuggestedParty, SuggestInput } from './suggest.ts';
import { has, isCapitalised, type Sentence, type Token, word } from './tokens.ts';
import { RESERVED_SLUGS } from '../lib/listings.ts';

// The parties the suggester knows: the article's, the other articles', and the names it finds in the text.

export interface PoolParty {
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

export interface Mention {
  party: PoolParty;
  start: number;
  end: number;
  /** The words of the text that name it. */
  text: string;
}

const PLACE_WORDS =
  /^(Dam|River|Valley|Street|Road|Square|Bridge|Lake|Mountains?|Island|Islands|Sea|Ocean|Bay|Gulf|Strait|Province|District|Region|Hills?|Highlands|Airport|Port|Harbour|Park)$/;
const DEMONYM_ENDINGS = ['ian', 'ean', 'an', 'ese', 'ish', 'i', 'n', ''];
const DEFINITE_HEADS =
  /^(federation|republic|commission|council|ministry|government|administration|agency|authority|union|committee|court|company|party|army|university|office|board|bank|embassy|kingdom|alliance)$/i;

/** The parties known to the article, to the site's other articles, and found in the text; resolves speakers and mentions. */
export class PartyPool {
  readonly parties: PoolParty[] = [];
  /** The speakers' words met so far, by head noun ("ministry" of "Pakistan's foreign ministry"), latest last. */
  readonly speakerHeads: Array<{ head: string; party: PoolParty; words: string }> = [];
  private readonly input: SuggestInput;
  readonly texts: readonly string[];
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
    /** Capitalised names that are a country's capital ("Islamabad"): the government's, if the text names the country. */
    const capitals = new Set<string>();
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
          if (countryOfCapital(name)) capitals.add(name);
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
    // "Islamabad rejected …": news names a government by its capital. The capital becomes an alias of the
    // country's party when this text names the country too; otherwise it is left as it was (nothing invented).
    const named = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(name)}(?![\\p{L}\\p{N}-])`, 'u').test(text);
    for (const capital of capitals) {
      if (this.findByName(capital)) continue;
      const country = countryOfCapital(capital)!
        .map((name) => this.findByName(name))
        .find((party) => party && (party.kind === 'state' || party.kind === 'government') && [party.name, ...party.aliases].some(named));
      if (country) country.aliases.push(capital);
    }
  }

  private acronymAfter(run: Token[], tokens: Token[]): string[] {
    const next = tokens[run[run.length - 1]!.index + 1];
    return next && /\($/.test(next.pre) && /^\p{Lu}{2,}$/u.test(next.text) ? [next.text] : [];
  }

  private demonymUsed(name: string, text: string): boolean {
    if (name.length < 4) return false;
    return new RegExp(`(?<![\\p{L}])${escape(name.replace(/(ia|a|e)$/, ''))}(ian|ean|an|i|ese|ish)(?![\\p{L}])`, 'u').test(text);
  }

  add(fields: Omit<PoolParty, 'id' | 'origin'> & { id?: string }): PoolParty {
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

  findByName(name: string): PoolParty | undefined {
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
          found.push({ party, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      if (party.kind === 'state' || party.kind === 'government' || party.kind === 'group-of-states') {
        // "Afghan officials", "British diplomats": a demonym no ending makes.
        for (const demonym of irregularDemonyms(names)) {
          const pattern = this.pattern(`demonym:${demonym}`, `(?<![\\p{L}\\p{N}-])${escape(demonym)}(?![\\p{L}\\p{N}-])`, 'gu');
          for (const match of text.matchAll(pattern))
            found.push({ party, start: match.index, end: match.index + match[0].length, text: match[0] });
        }
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
              found.push({ party, start: match.index, end: match.index + w.length, text: w });
            }
          }
        }
      }
      const lastWord = party.name.split(/\s+/).at(-1) ?? '';
      if (party.kind === 'person' && party.name.includes(' ') && /^\p{Lu}\p{Ll}{2,}$/u.test(lastWord)) {
        const pattern = new RegExp(`(?<![\\p{L}-])${escape(lastWord)}(?![\\p{L}-])`, 'gu');
        for (const match of text.matchAll(pattern))
          found.push({ party, start: match.index, end: match.index + match[0].length, text: match[0] });
      }
      if (party.kind !== 'person' && party.name.includes(' ') && DEFINITE_HEADS.test(lastWord)) {
        const bareWord = /^\p{Lu}/u.test(lastWord) ? `|${escape(lastWord)}` : '';
        const pattern = new RegExp(`\\b(?:[Tt]he ${escape(lastWord.toLowerCase())}${bareWord})\\b`, 'g');
        const sameHead = this.parties.filter((p) => p.name.split(/\s+/).at(-1)?.toLowerCase() === lastWord.toLowerCase());
        if (sameHead.length === 1)
          for (const match of text.matchAll(pattern))
            found.push({ party, start: match.index, end: match.index + match[0].length, text: match[0] });
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

export function orgKindOf(run: ReadonlyArray<{ text: string }>): PartyKind | undefined {
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

/** The irregular demonyms (`IRREGULAR_DEMONYMS`) of a party with these names. */
function irregularDemonyms(names: readonly string[]): string[] {
  const lower = new Set(names.map((name) => name.toLowerCase()));
  return IRREGULAR_DEMONYMS.filter(([countries]) => countries.some((country) => lower.has(country.toLowerCase()))).flatMap(
    ([, demonyms]) => demonyms,
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
