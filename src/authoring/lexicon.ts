import type { ClaimKind } from '../schemas/claim.ts';
import type { PartyKind } from '../schemas/party.ts';

/** How a reporting verb frames what follows it. */
export type Complement =
  /** "X said (that) …": the claim's words are the clause after the verb. */
  | 'clause'
  /** "X rejected the accusation …", "X called on Y to …": the verb is part of the claim's words. */
  | 'object';

export interface ReportingVerb {
  lemma: string;
  kind: ClaimKind;
  complement: Complement;
  /** A word that must follow the verb (a particle: "call on", "point out"). */
  particle?: string[];
  /** A word that must follow within the object (e.g. "claim … responsibility"). */
  objectWord?: string;
}

/** Reporting verbs of news English, each with its forms, the kind of speech act and how its claim is framed. */
const VERBS: Array<[forms: string, kind: ClaimKind, complement: Complement, extra?: Partial<ReportingVerb>]> = [
  ['say says said saying', 'assert', 'clause'],
  ['tell tells told telling', 'assert', 'clause'],
  ['state states stated stating', 'assert', 'clause'],
  ['add adds added adding', 'assert', 'clause'],
  ['note notes noted noting', 'assert', 'clause'],
  ['argue argues argued arguing', 'assert', 'clause'],
  ['insist insists insisted insisting', 'assert', 'clause'],
  ['maintain maintains maintained maintaining', 'assert', 'clause'],
  ['stress stresses stressed stressing', 'assert', 'clause'],
  ['assert asserts asserted asserting', 'assert', 'clause'],
  ['claim claims claimed claiming', 'assert', 'clause'],
  ['explain explains explained explaining', 'assert', 'clause'],
  ['reiterate reiterates reiterated reiterating', 'assert', 'clause'],
  ['emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing', 'assert', 'clause'],
  ['confirm confirms confirmed confirming', 'assert', 'clause'],
  ['announce announces announced announcing', 'assert', 'clause'],
  ['declare declares declared declaring', 'assert', 'clause'],
  ['write writes wrote writing', 'assert', 'clause'],
  ['contend contends contended contending', 'assert', 'clause'],
  ['report reports reported reporting', 'assert', 'clause'],
  ['reply replies replied replying', 'assert', 'clause'],
  ['point points pointed pointing', 'assert', 'clause', { particle: ['out'] }],
  ['make makes made making', 'assert', 'clause', { particle: ['clear'] }],
  ['accuse accuses accused accusing', 'accuse', 'object'],
  ['blame blames blamed blaming', 'accuse', 'object'],
  ['allege alleges alleged alleging', 'accuse', 'clause'],
  ['condemn condemns condemned condemning', 'accuse', 'object'],
  ['criticise criticises criticised criticising criticize criticizes criticized criticizing', 'accuse', 'object'],
  ['deny denies denied denying', 'deny', 'clause'],
  ['refute refutes refuted refuting', 'deny', 'object'],
  ['reject rejects rejected rejecting', 'reject', 'object'],
  ['dismiss dismisses dismissed dismissing', 'reject', 'object'],
  ['dispute disputes disputed disputing', 'reject', 'object'],
  ['rebuff rebuffs rebuffed rebuffing', 'reject', 'object'],
  ['refuse refuses refused refusing', 'reject', 'object'],
  ['rule rules ruled ruling', 'reject', 'object', { particle: ['out'] }],
  ['admit admits admitted admitting', 'admit', 'clause'],
  ['concede concedes conceded conceding', 'admit', 'clause'],
  ['acknowledge acknowledges acknowledged acknowledging', 'admit', 'clause'],
  ['confess confesses confessed confessing', 'admit', 'clause'],
  ['demand demands demanded demanding', 'demand', 'object'],
  ['call calls called calling', 'demand', 'object', { particle: ['on', 'for', 'upon'] }],
  ['want wants wanted wanting', 'demand', 'object'],
  ['warn warns warned warning', 'warn', 'clause'],
  ['caution cautions cautioned cautioning', 'warn', 'clause'],
  ['fear fears feared fearing', 'warn', 'clause'],
  ['express expresses expressed expressing', 'warn', 'object', { objectWord: 'concern' }],
  ['threaten threatens threatened threatening', 'threaten', 'object'],
  ['urge urges urged urging', 'appeal', 'object'],
  ['appeal appeals appealed appealing', 'appeal', 'object'],
  ['ask asks asked asking', 'appeal', 'object'],
  ['plead pleads pleaded pleading', 'appeal', 'object'],
  ['pledge pledges pledged pledging', 'commit', 'object'],
  ['promise promises promised promising', 'commit', 'object'],
  ['vow vows vowed vowing', 'commit', 'object'],
  ['commit commits committed committing', 'commit', 'object'],
  ['agree agrees agreed agreeing', 'commit', 'object'],
  ['offer offers offered offering', 'commit', 'object'],
  ['take takes took taking', 'claim-responsibility', 'object', { objectWord: 'responsibility' }],
  ['welcome welcomes welcomed welcoming', 'assert', 'object'],
  ['praise praises praised praising', 'assert', 'object'],
  ['hail hails hailed hailing', 'assert', 'object'],
  ['describe describes described describing', 'assert', 'object'],
  ['suggest suggests suggested suggesting', 'assert', 'clause'],
  ['estimate estimates estimated estimating', 'assert', 'clause'],
  ['denounce denounces denounced denouncing', 'accuse', 'object'],
  ['complain complains complained complaining', 'accuse', 'clause'],
  ['decline declines declined declining', 'reject', 'object'],
  ['request requests requested requesting', 'appeal', 'object'],
  ['propose proposes proposed proposing', 'appeal', 'object'],
  ['predict predicts predicted predicting', 'warn', 'clause'],
  ['apologise apologises apologised apologising apologize apologizes apologized apologizing', 'admit', 'object'],
];

/** Each form of a reporting verb (lower case) and the verbs it may be (several when a particle decides). */
export const REPORTING_FORMS = new Map<string, ReportingVerb[]>();
for (const [forms, kind, complement, extra] of VERBS) {
  const list = forms.split(' ');
  const lemma = list[0]!;
  for (const form of list) {
    const entry: ReportingVerb = { lemma, kind, complement, ...extra };
    REPORTING_FORMS.set(form, [...(REPORTING_FORMS.get(form) ?? []), entry]);
  }
}

/** Third person present of a lemma, for a summary draft: "say" → "says", "deny" → "denies". */
export function presentTense(lemma: string): string {
  if (/(s|sh|ch|x|z)$/.test(lemma)) return `${lemma}es`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ies`;
  return `${lemma}s`;
}

/** Phrases after a verb that mean it is not a statement made: "declined to comment", "asked not to be named". */
export const NOT_A_STATEMENT = [
  /^(declined|refused|declines|refuses|declining|refusing) to (comment|say|answer|respond|discuss|confirm|give)/i,
  /^asked not to be named/i,
  /^(said|say|says) (nothing|little)\b/i,
];

/** Head nouns of groups that speak without a name, and the kind of party they are. */
export const GROUP_NOUNS: Array<[RegExp, PartyKind]> = [
  [
    /^(analysts?|experts?|observers?|commentators?|economists?|scientists?|researchers?|academics?|critics?|scholars?|\w+ologists?|historians?|lawyers?)$/i,
    'commentators',
  ],
  [
    /^(residents?|farmers?|villagers?|citizens?|refugees?|workers?|protesters?|voters?|patients?|parents?|fishermen|fishers|islanders?|shopkeepers?|families|drivers?|students?|locals?|people|inhabitants?|survivors?|witnesses?|groups?)$/i,
    'population',
  ],
  [/^(officials?|sources?|diplomats?|insiders?|aides?|officers?|authorities)$/i, 'unnamed-sources'],
  [/^(powers|countries|states|nations|neighbou?rs|governments|allies|capitals)$/i, 'group-of-states'],
  [/^(institutions|organi[sz]ations|bodies|agencies|donors|lenders)$/i, 'international-organisation'],
];

/** Words that make a capitalised name an organisation, and which kind. */
export const ORGANISATION_WORDS: Array<[RegExp, PartyKind]> = [
  [
    /^(Ministry|Government|Administration|Cabinet|Presidency|Office|Department|Authorities|Embassy|Treasury|Pentagon|Kremlin|Secretariat|Directorate|Bureau)$/i,
    'government',
  ],
  [/^(Army|Militia|Front|Brigades?|Rebels?|Movement|Taliban|Forces|Guard)$/, 'armed-group'],
  [/^(Nations|NATO|Organisation|Organization|Alliance|League)$/, 'international-organisation'],
  [
    /^(Commission|Council|Court|Tribunal|Parliament|Senate|Congress|Assembly|Regulator|Bank|Agency|Authority|University|Institute|Committee|Board|Party|Company|Lines|Group|Association|Federation of|Trust|Foundation|Service|Police|Union|Chambers?|Society|Guild|Syndicate|Cooperative|Co-operative|Fund|Centre|Center|Forum|Network)$/,
    'institution',
  ],
  [/^(Republic|Federation|Kingdom|State|States|Emirates|Confederation)$/, 'state'],
  [/^(Gazette|Times|Post|Herald|Courier|Ledger|News|Tribune|Journal|Press|Chronicle|Guardian|Observer|Daily|Agency)$/, 'publication'],
];

/** Nouns of a role, before or after a person's name: "spokesperson Ilse Marrow", "Marrow, the minister". */
export const ROLE_NOUNS =
  /^(spokesperson|spokesman|spokeswoman|minister|chair|chairman|chairwoman|director|president|governor|mayor|secretary|head|chief|leader|commander|ambassador|envoy|negotiator|official|analyst|deputy|adviser|advisor|general|senator|judge|prosecutor|professor|dr|mr|mrs|ms|nurse|engineer|hydrologist|economist|manager|editor|owner|founder|ceo|premier|chancellor|king|queen|prince|sheikh|colonel|captain|lieutenant|major|sergeant|coordinator|representative|member|mp|lawmaker|who)$/i;

/** Pronouns that refer back to a speaker, and to which sort. */
export const PRONOUNS: Record<string, 'person' | 'group' | 'organisation'> = {
  he: 'person',
  she: 'person',
  they: 'group',
  it: 'organisation',
  we: 'group',
  i: 'person',
};

/**
 * Demonyms that are not the country's name with an ending ("Velorian" → Veloria, "Pakistani" → Pakistan are
 * found by their endings): the country's usual English names, then its demonyms.
 */
export const IRREGULAR_DEMONYMS: ReadonlyArray<[countries: string[], demonyms: string[]]> = [
  [['Afghanistan'], ['Afghan']],
  [['United Kingdom', 'Britain', 'Great Britain', 'UK'], ['British']],
  [['France'], ['French']],
  [['Netherlands', 'the Netherlands', 'Holland'], ['Dutch']],
  [['Switzerland'], ['Swiss']],
  [['Greece'], ['Greek']],
  [['Saudi Arabia'], ['Saudi']],
  [['United Arab Emirates', 'UAE'], ['Emirati']],
  [
    ['Philippines', 'the Philippines'],
    ['Filipino', 'Philippine'],
  ],
  [['Ireland'], ['Irish']],
  [['Poland'], ['Polish']],
  [['Denmark'], ['Danish']],
  [['Sweden'], ['Swedish']],
  [['Finland'], ['Finnish']],
  [['Spain'], ['Spanish']],
  [['Portugal'], ['Portuguese']],
  [['Thailand'], ['Thai']],
  [['Myanmar', 'Burma'], ['Burmese']],
  [['Cyprus'], ['Cypriot']],
  [['Iceland'], ['Icelandic']],
  [['New Zealand'], ['New Zealander']],
  [['United States', 'US', 'USA', 'America', 'United States of America'], ['American']],
  [['Democratic Republic of the Congo', 'DR Congo', 'Congo'], ['Congolese']],
  [['Madagascar'], ['Malagasy']],
];

/** Capitalised words that are not names: calendar words and the like. */
export const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'of',
  'for',
  'and',
  'but',
  'or',
  'if',
  'as',
  'by',
  'to',
  'from',
  'with',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'we',
  'it',
  'he',
  'she',
  'they',
  'i',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'however',
  'until',
  'after',
  'before',
  'when',
  'while',
  'since',
  'although',
  'meanwhile',
  'similar',
  'some',
  'one',
  'two',
  'three',
  'both',
  'neither',
  'either',
  'every',
  'several',
  'many',
  'most',
  'all',
  'no',
  'mr',
  'mrs',
  'ms',
  'dr',
  'energy',
  'foreign',
  'security',
  'deputy',
  'prime',
  'minister',
  'president',
]);

/** Head nouns of an organisation named without a capital ("the port authority", "the regional council"). */
export const ORGANISATION_HEADS =
  /^(authority|authorities|ministry|council|committee|commission|agency|office|department|government|administration|court|parliament|union|company|operator|firm|board|embassy|police|army|party|university|institute|bank|municipality|delegation|cabinet|presidency|secretariat|regulator|prosecutors?|military|navy|coalition|opposition|group|association|federation|organisation|organization|foundation|charity|hospital|school|airline|utility|chamber|society|guild|syndicate|cooperative|fund|centre|center|forum|network)$/i;

/** Heads of speakers who are an office or a document of a party, not a party of their own. */
export const OFFICE_HEADS =
  /^(spokesperson|spokesman|spokeswoman|statement|chair|chairman|chairwoman|head|director|minister|deputy|negotiators?|team|side|envoy|ambassador|representative|secretary|leader|president|chief|source|readout|communiqué|communique|letter|notice|report|memo)$/i;
