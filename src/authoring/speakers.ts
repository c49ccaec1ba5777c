import { GROUP_NOUNS, NOT_NAMES, OFFICE_HEADS, ORGANISATION_HEADS, ROLE_NOUNS } from './lexicon.ts';
import { orgKindOf, type PartyPool, type PoolParty } from './partyPool.ts';

// Who speaks in a frame: a person, a party, a group or an office of a party, from the speaker's words.

/** Who is speaking, from the speaker's words (at offset `at` of block `block`): a person named in them, a party named, a group, or an office of a party. */
export function resolveSpeaker(...args: Parameters<typeof speakersOf>): ReturnType<typeof speakersOf> {
  const [pool, speaker] = args;
  const found = speakersOf(...args);
  const head = headNoun(speaker)?.toLowerCase();
  if (head && found.length === 1) pool.speakerHeads.push({ head, party: found[0]!.party, words: speaker });
  return found;
}

function speakersOf(
  pool: PartyPool,
  speaker: string,
  at: number,
  block: number,
  sentence: string,
  lastOther: PoolParty | undefined,
): Array<{ party: PoolParty; speaker?: string; how: string }> {
  // Two speakers joined by "and": one claim each.
  const whole = pool.findByName(speaker.replace(/^the\s+/i, ''));
  if (!whole && / and /.test(speaker)) {
    const parts = speaker
      .split(/,? and /)
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length === 2 && parts.every((part) => part.split(/\s+/).length <= 6)) {
      return parts.flatMap((part) => speakersOf(pool, part, at, block, sentence, lastOther).slice(0, 1));
    }
  }
  const mentions = pool.mentions(speaker);
  const person = mentions.find((m) => m.party.kind === 'person');
  if (person) {
    const other = mentions.find((m) => m.party !== person.party && m.party.kind !== 'person');
    if (other && !person.party.speaksFor && person.party.origin === 'new') person.party.speaksFor = other.party.id;
    return [{ party: person.party, speaker, how: `the speaker names ${person.party.name}` }];
  }
  const head = headNoun(speaker);
  // A group is named by a common noun: "analysts", "Officials" opening a sentence ("Officials in Kabul"); "United Nations" is a name.
  const commonHead =
    head !== undefined &&
    (/^\p{Ll}/u.test(head) ||
      nounPhrase(speaker)
        .replace(/^(the|a|an|some|two|three|several|many)\s+/i, '')
        .split(/\s+/).length === 1);
  const group = head && commonHead ? GROUP_NOUNS.find(([pattern]) => pattern.test(head)) : undefined;
  if (group) {
    const [, kind] = group;
    const headAt = speaker.toLowerCase().lastIndexOf(head!.toLowerCase());
    // "Afghan officials", or "officials in Kabul" (a state or its capital after the head): that state's.
    const modifier = mentions.find(
      (m) => m.end <= headAt || (m.start > headAt && (m.party.kind === 'state' || m.party.kind === 'government')),
    );
    if (modifier && kind !== 'commentators')
      return [{ party: modifier.party, speaker, how: `${head} of ${modifier.party.name} (“${modifier.text}”)` }];
    // "officials of the World Bank", "officials at the Treasury": an organisation the words name after the head.
    const owner = /\s(?:of|at|from)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+|for\s+)?\p{Lu}[\p{L}’'-]*)*)/u.exec(
      speaker.slice(headAt),
    );
    const ownerKind = owner && orgKindOf(owner[1]!.split(/\s+/).map((text) => ({ text })));
    if (owner && ownerKind && kind !== 'commentators') {
      const party =
        pool.findByName(owner[1]!) ??
        pool.add({
          name: owner[1]!,
          kind: ownerKind,
          aliases: [],
          why: `named as the speaker's organisation; kind guessed`,
          kindGuessed: true,
        });
      return [{ party, speaker, how: `${head} of ${party.name}` }];
    }
    const anonymous = /anonymity|not authori[sz]ed|asked not to be named|declined to be named|did not want to be named/i.test(sentence);
    // "British officials" name whose they are, even when no party of that name is known: not the last state's.
    const before = speaker
      .slice(0, speaker.toLowerCase().lastIndexOf(head!.toLowerCase()))
      .replace(/^(the|a|an|some|two|three|several|many)\s+/i, '');
    // … and so do "officials in Kabul" (a place the text names, whose country it may not name).
    const namedOwner = /\p{Lu}/u.test(before) || /\s(?:in|of|from|at)\s+\p{Lu}/u.test(speaker);
    if (
      kind === 'unnamed-sources' &&
      !anonymous &&
      !namedOwner &&
      lastOther &&
      (lastOther.kind === 'state' || lastOther.kind === 'government')
    ) {
      return [
        {
          party: lastOther,
          speaker,
          how: `guess: unnamed ${head}, taken to speak for ${lastOther.name}, the last state or government speaking; check`,
        },
      ];
    }
    const headKey = singular(head!.toLowerCase());
    const name = speaker.replace(/^(the|a|an|some|two|three|several|many|one|other|\d+)\s+/i, '').replace(/,.*$/, '');
    // "analysts" after "security analysts": the same group; "British officials" after "Afghan officials" is not.
    const same = pool.parties.find(
      (p) => p.origin === 'new' && p.head === headKey && p.kind === kind && [p.name, ...p.aliases].every((n) => sameGroup(n, name)),
    );
    if (same) {
      if (!same.aliases.includes(name) && same.name !== name) same.aliases.push(name);
      return [{ party: same, speaker, how: `the same group as “${same.name}”` }];
    }
    const party = pool.add({
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
  // "The ministry said" after "Pakistan's foreign ministry said": the same speaker, named shorter.
  const before =
    /^the\s/i.test(speaker) && bare.toLowerCase() === head?.toLowerCase()
      ? pool.speakerHeads.findLast((s) => s.head === bare.toLowerCase() && s.words.toLowerCase() !== speaker.toLowerCase())
      : undefined;
  if (before) return [{ party: before.party, speaker, how: `“${speaker}” is “${before.words}”, named shorter` }];
  if (
    /anonymity|not authori[sz]ed|asked not to be named|declined to be named|did not want to be named/i.test(sentence) &&
    !/\p{Lu}/u.test(bare.slice(1))
  ) {
    const party = pool.add({
      name: upperFirst(bare),
      kind: 'unnamed-sources',
      aliases: [],
      why: 'the text says the speaker is not named',
      kindGuessed: false,
    });
    return [{ party, speaker, how: 'a speaker the text does not name' }];
  }
  // "the roads office" after "the district roads office": the same organisation, named shorter.
  const shorter = pool.parties.find((p) => p.kind !== 'person' && bare.includes(' ') && p.name.toLowerCase().endsWith(bare.toLowerCase()));
  if (shorter) return [{ party: shorter, speaker, how: `“${speaker}” is ${shorter.name}, named shorter` }];
  // "the port authority", "the regional council": an organisation the text names without capitals.
  if (head && ORGANISATION_HEADS.test(head) && !/^(its|their|his|her)\s/i.test(speaker)) {
    const words = bare.split(/\s+/).map((w) => ({ text: w }));
    const kind =
      orgKindOf(words) ??
      (/^(ministry|government|administration|cabinet|presidency|embassy|delegation)$/i.test(head) ? 'government' : 'institution');
    const party = pool.add({
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
    const person = pool.lastMentioned(pool.texts, block, at, (p) => p.kind === 'person');
    if (person) return [{ party: person, speaker, how: `guess: “${speaker}” taken to be ${person.name}, the person named last; check` }];
  }
  // A capitalised name in the speaker's words that no list knows yet: a new party.
  if (head && OFFICE_HEADS.test(head)) return officeOf(pool, speaker, sentence, lastOther);
  const capitalised = /(?:\p{Lu}[\p{L}’'-]*)(?:\s+(?:of\s+|for\s+)?\p{Lu}[\p{L}’'-]*)*/u.exec(speaker.replace(/^(The|A|An)\s+/, ''));
  if (capitalised && !NOT_NAMES.has(capitalised[0].toLowerCase())) {
    const name = capitalised[0].replace(/['’]s$/, '');
    const known = pool.findByName(name);
    if (known) return [{ party: known, speaker, how: `the speaker names ${known.name}` }];
    const words = name.split(/\s+/).map((w) => ({ text: w }));
    const kind = orgKindOf(words) ?? (words.length >= 2 ? 'person' : 'institution');
    const party = pool.add({ name, kind, aliases: [], why: `named as the speaker; kind guessed`, kindGuessed: true });
    return [{ party, speaker, how: `a new party named by the speaker’s words` }];
  }
  return officeOf(pool, speaker, sentence, lastOther);
}

/** An office with no name ("the ministry", "a ministry statement"): the party named before it in the sentence, or the last one speaking. */
function officeOf(
  pool: PartyPool,
  speaker: string,
  sentence: string,
  lastOther: PoolParty | undefined,
): Array<{ party: PoolParty; speaker?: string; how: string }> {
  const inSentence = pool.mentions(sentence).filter((m) => m.party.kind !== 'person');
  const nearest = inSentence.find((m) => sentence.indexOf(speaker) === -1 || m.start < sentence.indexOf(speaker) + speaker.length);
  if (nearest)
    return [
      { party: nearest.party, speaker, how: `guess: “${speaker}” taken to be of ${nearest.party.name}, named in the sentence; check` },
    ];
  if (lastOther)
    return [{ party: lastOther, speaker, how: `guess: “${speaker}” taken to be of ${lastOther.name}, the last party speaking; check` }];
  const party = pool.add({
    name: upperFirst(speaker.replace(/^(the|a|an)\s+/i, '')),
    kind: 'institution',
    aliases: [],
    why: 'named only by the speaker’s words; kind guessed',
    kindGuessed: true,
  });
  return [{ party, speaker, how: 'a new party named by the speaker’s words' }];
}

/** A speaker's words before "of", "in", "at", "who" or a comma: "Officials" of "Officials in Kabul". */
const nounPhrase = (speaker: string) => speaker.split(/,|\s(?:of|in|at|from|who|which|for|on)\s/)[0]!.trim();

/** The head noun of a speaker's words: the last word of its noun phrase. */
function headNoun(speaker: string): string | undefined {
  return nounPhrase(speaker)
    .split(/\s+/)
    .at(-1)
    ?.replace(/['’]s?$/, '');
}

/** Whether two names of groups with one head noun can be one group: the words before the head of one are among the other's. */
function sameGroup(a: string, b: string): boolean {
  const modifiers = (name: string) => new Set(name.toLowerCase().split(/\s+/).slice(0, -1));
  const [x, y] = [modifiers(a), modifiers(b)];
  return [...x].every((w) => y.has(w)) || [...y].every((w) => x.has(w));
}

function singular(noun: string): string {
  return noun.replace(/ies$/, 'y').replace(/s$/, '');
}

function upperFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
