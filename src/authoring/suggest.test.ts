import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { textBlocks } from '../lib/articleText.ts';
import { locateQuote } from '../lib/quoteAnchors.ts';
import { type ArticleSource, checkArticles } from '../lib/checkArticles.ts';
import { quoteSpans } from '../schemas/claim.ts';
import type { Party } from '../schemas/party.ts';
import { suggestInput } from './articleInput.ts';
import { evaluate } from './evaluate.ts';
import { importArticle } from './importArticle.ts';
import { mergeIntoFile, suggestionsJson, suggestionsYaml } from './output.ts';
import { type Suggestions, suggest } from './suggest.ts';
import { errorsIn } from '../lib/contentIssues.ts';

/** Suggestions for a body of paragraphs (invented text). */
function suggestFor(
  body: string,
  options: { parties?: Party[]; otherParties?: Array<{ article: string; party: Party }>; publisher?: string } = {},
) {
  const blocks = textBlocks(body);
  return { blocks, result: suggest({ slug: 'test-article', blocks, ...options }) };
}

/** The claim whose quote contains `words`. */
function claimWith(result: Suggestions, words: string) {
  const found = result.claims.find(({ claim }) => quoteSpans(claim).join(' ').includes(words));
  if (!found) throw new Error(`no suggestion quotes “${words}”; got ${JSON.stringify(result.claims.map(({ claim }) => claim.quote))}`);
  return found.claim;
}

const HARBOUR = `The Norvik port authority on Tuesday rejected accusations by the Coastal Fishers’ Union that it had dredged the northern channel in secret, saying the work had been “announced twice, in print and online”.

The union’s chair, Petra Holm, warned that the silt would drive cod away from the inner bay. She called on the authority to publish its survey of the seabed.

A spokesperson for the authority, Jonas Brekke, denied that any work had taken place outside the permitted zone. “We dredged where the licence says, and not a metre further,” he told reporters.

The dredging will cost more than expected, port officials say.

Petra Holm maintains that the union was never consulted, accusing the authority of ignoring its letters.

The ferry terminal is due to open in May.
`;

describe('claims from reporting verbs and their frames', () => {
  const { blocks, result } = suggestFor(HARBOUR);
  const texts = blocks.map((block) => block.text);

  it('“X rejected …”: a rejection with the words of the rejection, by the party named', () => {
    const claim = claimWith(result, 'rejected accusations');
    expect(claim.kind).toBe('reject');
    expect(claim.by).toBe('norvik-port-authority');
    expect(claim.speaker).toBe('The Norvik port authority');
    expect(claim.about).toContain('coastal-fishers-union');
  });

  it('“…, saying …” after a comma: the main clause’s speaker, and the words after the verb', () => {
    const claim = claimWith(result, 'the work had been');
    expect(claim.by).toBe('norvik-port-authority');
    expect(claim.quote).toBe('the work had been “announced twice, in print and online”');
  });

  it('“X warned that …”: the words after “that”, by the person named, who speaks for the union', () => {
    const claim = claimWith(result, 'the silt would drive cod');
    expect(claim).toMatchObject({ kind: 'warn', by: 'petra-holm', quote: 'the silt would drive cod away from the inner bay' });
    expect(result.parties.find(({ party }) => party.id === 'petra-holm')?.party).toMatchObject({
      kind: 'person',
      speaksFor: 'coastal-fishers-union',
      aliases: [],
    });
  });

  it('“She called on Y to …”: a demand, the pronoun resolved to the last person speaking', () => {
    const claim = claimWith(result, 'called on the authority');
    expect(claim).toMatchObject({ kind: 'demand', by: 'petra-holm', quote: 'called on the authority to publish its survey of the seabed' });
  });

  it('“X denied that …” and a quotation before “he told reporters”', () => {
    expect(claimWith(result, 'any work had taken place')).toMatchObject({ kind: 'deny', by: 'jonas-brekke' });
    expect(claimWith(result, 'We dredged where')).toMatchObject({
      by: 'jonas-brekke',
      quote: '“We dredged where the licence says, and not a metre further,”',
    });
    // The verb inside the quotation ("says") is the speaker's word, not a frame of its own.
    expect(result.claims.filter(({ claim }) => quoteSpans(claim).join(' ').includes('not a metre further'))).toHaveLength(1);
  });

  it('“…, officials say.”: the words before the attribution, by the speakers after them', () => {
    const claim = claimWith(result, 'The dredging will cost more than expected');
    expect(claim).toMatchObject({ kind: 'assert', quote: 'The dredging will cost more than expected' });
    expect(result.parties.find(({ party }) => party.id === claim.by)?.party).toMatchObject({
      name: 'Port officials',
      kind: 'unnamed-sources',
    });
  });

  it('“X maintains that …, accusing Y of …”: two claims, one per frame', () => {
    expect(claimWith(result, 'the union was never consulted')).toMatchObject({ kind: 'assert', by: 'petra-holm' });
    expect(claimWith(result, 'accusing the authority of ignoring its letters')).toMatchObject({ kind: 'accuse', by: 'petra-holm' });
  });

  it('a paragraph with no speaker is the article’s own voice: a publication party unique to the article', () => {
    const claim = claimWith(result, 'The ferry terminal is due to open in May');
    expect(claim.by).toBe('publication-test-article');
    expect(result.parties.find(({ party }) => party.id === 'publication-test-article')?.party.kind).toBe('publication');
  });

  it('quotes every suggestion verbatim: the project’s locateQuote finds each one exactly once (or at its occurrence)', () => {
    expect(result.claims.length).toBeGreaterThanOrEqual(9);
    for (const { claim } of result.claims) {
      expect(locateQuote(texts, quoteSpans(claim), claim.occurrence).status, JSON.stringify(claim.quote)).toBe('found');
    }
    expect(result.unverified).toBe(0);
  });

  it('guesses kinds and says so, and names every claimant as a party', () => {
    const ids = new Set(result.parties.map(({ party }) => party.id));
    for (const { claim } of result.claims) for (const id of [claim.by, ...claim.about]) expect(ids.has(id), id).toBe(true);
    expect(result.parties.find(({ party }) => party.id === 'jonas-brekke')?.kindGuessed).toBe(true);
  });
});

describe('sentences', () => {
  it('a line break inside a paragraph does not end a sentence: the claim runs over it', () => {
    const { blocks, result } = suggestFor('The ministry said the gates were opened\nby hand on the morning of the flood.\n');
    expect(blocks[0]!.text).toContain('\n');
    expect(claimWith(result, 'the gates were opened').quote).toBe('the gates were opened by hand on the morning of the flood');
  });

  it('a sentence no speaker frames, in a paragraph with a speaker, is the article’s own voice', () => {
    const { result } = suggestFor(
      'The minister said the road would reopen in June. The road has been closed since the landslide in March.\n',
      { publisher: 'The Valley Post' },
    );
    expect(claimWith(result, 'The road has been closed since the landslide').by).toBe('valley-post');
    expect(result.parties.find(({ party }) => party.id === 'valley-post')?.party).toMatchObject({
      kind: 'publication',
      name: 'The Valley Post',
    });
  });

  it('“called on X to A, B and C”: one demand each; “urged … and said …”: two claims of one speaker', () => {
    const { result } = suggestFor(
      'The council called on the operator to restore the sailings, publish its accounts and meet the islanders. The mayor urged both sides to talk and said she would host them.\n',
    );
    expect(result.claims.map(({ claim }) => [claim.kind, claim.quote])).toEqual([
      ['demand', 'called on the operator to restore the sailings'],
      ['demand', 'publish its accounts'],
      ['demand', 'meet the islanders'],
      ['appeal', 'urged both sides to talk'],
      ['commit', 'she would host them'], // "said she would …": the speaker's own future act
    ]);
  });

  it('a quotation after an attributed one in the same paragraph is the same speaker’s; a short scare quote is none', () => {
    const { result } = suggestFor(
      '“We will not sell the harbour,” the mayor said on Friday. “It belongs to the town and it will stay that way.” The “review” ends in May.\n',
    );
    expect(claimWith(result, 'It belongs to the town')).toMatchObject({ quote: '“It belongs to the town and it will stay that way.”' });
    expect(claimWith(result, 'It belongs to the town').by).toBe(claimWith(result, 'We will not sell').by);
    expect(result.claims.filter(({ claim }) => quoteSpans(claim).join(' ') === '“review”')).toEqual([]);
  });

  it('“— a step it had refused to take”: the reporter’s aside after a dash is the article’s own voice', () => {
    const { result } = suggestFor('The ministry said it would publish the survey — a step it had refused to take for a month.\n', {
      publisher: 'The Valley Post',
    });
    expect(claimWith(result, 'it would publish the survey').quote).toBe('it would publish the survey');
    expect(claimWith(result, 'a step it had refused')).toMatchObject({
      by: 'valley-post',
      quote: 'a step it had refused to take for a month',
    });
  });

  it('“Orvell, she said, had …”: a one-word opening span; “reported training support” is no frame; a quote inside a sentence is not a new claim', () => {
    const { result } = suggestFor(
      'Foreign ministry spokesperson Ilse Marrow spoke in Tarsk. Orvell, she said, had “chosen silence over its duty” for weeks. Analysts cite new drones and reported training support. One described the talks as “slow, painful, and going nowhere fast”.\n',
    );
    expect(claimWith(result, 'chosen silence').quote).toEqual(['Orvell', 'had “chosen silence over its duty” for weeks']);
    expect(result.claims.some(({ claim }) => claim.kind === 'assert' && /^training support/.test(quoteSpans(claim)[0]!))).toBe(false);
    expect(result.claims.some(({ claim }) => quoteSpans(claim)[0] === '“slow, painful, and going nowhere fast”')).toBe(false);
  });

  it('a spaced dash ends a clause: “X calls for talks — a statement says Y declined” is two claims', () => {
    const { result } = suggestFor(
      'Tarsk calls for talks on the dam “without delay” — a statement says the federation declined the offer.\n',
    );
    expect(result.claims.map(({ claim }) => claim.quote)).toEqual([
      'calls for talks on the dam “without delay”',
      'the federation declined the offer',
    ]);
  });

  it('takes the channel from the sentence’s words, and “the minister said” as the minister named last (a guess it says)', () => {
    const { result } = suggestFor(
      'In a written statement, the ministry said the dam was safe. Energy minister Dariusz Fenn spoke first. Writing on X on Friday, he added that the threat stands. Fenn told parliament that engineers had found cracks. The minister said the road would reopen by June.\n',
    );
    expect(claimWith(result, 'the dam was safe').channel).toBe('In a written statement');
    expect(claimWith(result, 'the threat stands').channel).toBe('on X');
    expect(claimWith(result, 'engineers had found cracks')).toMatchObject({ by: 'dariusz-fenn', channel: 'told parliament' });
    const minister = result.claims.find(({ claim }) => claim.quote === 'the road would reopen by June')!;
    expect(minister.claim.by).toBe('dariusz-fenn');
    expect(minister.why).toMatch(/guess: “The minister” taken to be Dariusz Fenn/);
  });

  it('“Asked about …, X apologised …”: the opening phrase is not the speaker; welcoming and apologising are statements too', () => {
    const { result } = suggestFor(
      'Asked about the delay, Transport Minister Ana Roth apologised for the closure of the line. The drivers’ union welcomed the apology.\n',
    );
    expect(claimWith(result, 'apologised for the closure')).toMatchObject({
      by: 'ana-roth',
      kind: 'admit',
      speaker: 'Transport Minister Ana Roth',
    });
    expect(claimWith(result, 'welcomed the apology').kind).toBe('assert');
  });

  it('a participle that opens a sentence sets the scene: the claim is the main verb’s', () => {
    const { result } = suggestFor('Writing on her blog on Friday, the mayor added that the budget was balanced.\n');
    expect(result.claims.map(({ claim }) => claim.quote)).toEqual(['the budget was balanced']);
  });
});

describe('a wire report (straight quotes, a dateline, titles before names)', () => {
  const text = readFileSync(join(import.meta.dirname, '../../tests/fixtures/imports/wire-report.txt'), 'utf8');
  const { result } = suggestFor(importArticle(text, 'txt').body);
  const party = (id: string) => result.parties.find((p) => p.party.id === id)?.party;

  it('leaves the dateline out of the speaker, and reads “a charge the government denied” as a denial', () => {
    expect(claimWith(result, 'accused neighbouring Calvane')).toMatchObject({ by: 'marovia', kind: 'accuse' });
    expect(claimWith(result, 'accused neighbouring Calvane').speaker).toBeUndefined();
    expect(claimWith(result, 'a charge the Calvanese government denied')).toMatchObject({
      by: 'calvane',
      kind: 'deny',
      speaker: 'the Calvanese government',
    });
  });

  it('finds the person after a title, and a quotation in straight quotes before “told reporters”', () => {
    expect(party('dana-ilic')).toMatchObject({ name: 'Dana Ilic', kind: 'person' });
    expect(claimWith(result, 'They are holding our wheat hostage')).toMatchObject({
      by: 'dana-ilic',
      quote: '"They are holding our wheat hostage,"',
    });
  });

  it('keeps a named organisation whole (not a group of “Nations”), and a place after “in” is no person', () => {
    expect(claimWith(result, 'urged both governments')).toMatchObject({ by: 'united-nations', kind: 'appeal' });
    expect(party('united-nations')?.kind).toBe('international-organisation');
    expect(result.parties.some((p) => p.party.name === 'Port Elsa')).toBe(false);
  });

  it('“Last year it said …”: the pronoun, not the time, is the speaker; “denied X” keeps its verb', () => {
    expect(claimWith(result, 'a shipping delay was caused by a storm').by).toBe('calvane');
    expect(claimWith(result, 'similar accusations').quote).toBe('denied similar accusations in the past');
  });

  it('““…,” X said on Tuesday, adding that …”: two claims', () => {
    expect(claimWith(result, 'We have nothing to hide').by).toBe('mira-kos');
    expect(claimWith(result, 'inspectors from any country were welcome').by).toBe('mira-kos');
    expect(party('mira-kos')?.speaksFor).toBe('calvane');
  });
});

describe('parties', () => {
  it('reuses the id another article gives the same name, with that article’s kind, and finds its aliases here', () => {
    const other: Party = { id: 'veloria', name: 'Veloria', kind: 'state', aliases: ['Tarsk'] };
    const { result } = suggestFor(
      'Tarsk on Monday accused the dam operator of hiding the figures.\n\nVelorian officials said the river had fallen by a third.\n',
      {
        otherParties: [{ article: 'earlier-article', party: other }],
      },
    );
    const veloria = result.parties.find(({ party }) => party.id === 'veloria');
    expect(veloria).toMatchObject({ from: { article: 'earlier-article' }, kindGuessed: false });
    expect(veloria!.party.name).toBe('Tarsk'); // the name this text uses
    expect(claimWith(result, 'the river had fallen').by).toBe('veloria'); // "Velorian officials": of Veloria
  });

  it('splits a claim made by two speakers joined by “and”', () => {
    const { result } = suggestFor('Farmers and fishermen warned that the river was running dry.\n');
    const claims = result.claims.filter(({ claim }) => claim.quote === 'the river was running dry');
    expect(claims.map(({ claim }) => claim.by).sort()).toEqual(['farmers', 'fishermen']);
  });

  it('a hyphenated name with its acronym is one party; “they say” between commas refers back to both speakers before', () => {
    const { result } = suggestFor(
      'Farmers and fishermen say the floods were made worse by attacks claimed by the banned Sarne-e-Valley Front (SVF). The attacks, they say, destroyed two dykes.\n',
    );
    expect(result.parties.find(({ party }) => party.id === 'sarne-e-valley-front')?.party).toMatchObject({
      kind: 'armed-group',
      aliases: ['SVF'],
    });
    expect(result.claims.find(({ claim }) => claim.kind === 'claim-responsibility')?.claim).toMatchObject({
      by: 'sarne-e-valley-front',
      quote: 'attacks claimed by the banned Sarne-e-Valley Front (SVF)',
    });
    const parenthetical = result.claims.filter(({ claim }) => JSON.stringify(claim.quote).includes('destroyed two dykes'));
    expect(parenthetical.map(({ claim }) => claim.by).sort()).toEqual(['farmers', 'fishermen']);
    expect(parenthetical[0]!.claim.quote).toEqual(['The attacks', 'destroyed two dykes']);
  });

  it('gives unnamed sources an id unique to the article', () => {
    const { result } = suggestFor('Two officials, who spoke on condition of anonymity, said the talks had stalled.\n');
    const party = result.parties.find(({ party }) => party.kind === 'unnamed-sources');
    expect(party?.party.id).toMatch(/^test-article-/);
    expect(claimWith(result, 'the talks had stalled').by).toBe(party?.party.id);
  });
});

describe('limits of the schema', () => {
  it('proposes no quote over 5,000 characters, no name over 200 and no id over 100', () => {
    const long = 'the river has fallen again '.repeat(200).trim();
    const speaker = `The ${'very '.repeat(60)}old committee`;
    const { result } = suggestFor(`The minister said:\n\n> ${long}.\n\n${speaker} warned that the dam could fail within the month.\n`, {});
    for (const { claim } of result.claims) for (const span of quoteSpans(claim)) expect(span.length).toBeLessThanOrEqual(5000);
    for (const { party } of result.parties) {
      expect(party.name.length).toBeLessThanOrEqual(200);
      expect(party.id.length).toBeLessThanOrEqual(100);
    }
    for (const { claim } of result.claims) expect(claim.id.length).toBeLessThanOrEqual(100);
    expect(claimWith(result, 'the dam could fail').kind).toBe('warn');
  });
});

describe('what the article already has', () => {
  it('shows a suggestion that overlaps an existing claim as covered, and does not propose it again', () => {
    const body = 'The council warned that the bridge could close. The mayor said repairs would start in June.\n';
    const parties: Party[] = [{ id: 'council', name: 'council', kind: 'institution', aliases: [] }];
    const blocks = textBlocks(body);
    const result = suggest({
      slug: 'bridge',
      blocks,
      parties,
      claims: [
        {
          id: 'council-warns',
          by: 'council',
          kind: 'warn',
          about: ['council'],
          summary: 'The council warns.',
          quote: 'the bridge could close',
          respondsTo: [],
        },
      ],
    });
    expect(result.covered.map((c) => c.coveredBy)).toEqual(['council-warns']);
    expect(result.claims.some(({ claim }) => quoteSpans(claim).join(' ').includes('the bridge could close'))).toBe(false);
    expect(claimWith(result, 'repairs would start in June').kind).toBe('assert');
  });
});

describe('output', () => {
  const draft = `---
draft: true
title: Port authority rejects union claim of secret dredging
# the editor's note stays
source:
  publisher: The Harbour Gazette
parties:
  - id: coastal-fishers-union
    name: Coastal Fishers’ Union
    kind: institution
    description: Written by the editor.
claims:
  - id: union-accuses-authority
    by: coastal-fishers-union
    kind: accuse
    about: [coastal-fishers-union]
    summary: The union accuses the authority of dredging in secret.
    quote: accusations by the Coastal Fishers’ Union that it had dredged the northern channel in secret
---

${HARBOUR}`;
  const source: ArticleSource = (() => {
    const { frontmatter, content } = parseFrontmatter(draft, { frontmatter: 'empty-with-lines' });
    return { file: 'content/articles/port-dredging.mdx', slug: 'port-dredging', data: frontmatter, body: content };
  })();
  const result = suggest(suggestInput(source, [source]));

  it('--write keeps every entry, comment and field the editor wrote, and the body byte for byte', () => {
    const merged = mergeIntoFile(draft, result);
    expect(merged.endsWith(`---\n\n${HARBOUR}`)).toBe(true);
    expect(merged).toContain("# the editor's note stays");
    expect(merged).toContain('description: Written by the editor.');
    const data = parseFrontmatter(merged).frontmatter as { parties: Party[]; claims: Array<{ id: string }> };
    expect(data.parties[0]!.id).toBe('coastal-fishers-union');
    expect(data.claims[0]!.id).toBe('union-accuses-authority');
    expect(data.claims.length).toBe(1 + result.claims.length);
    expect(result.covered.map((c) => c.coveredBy)).toContain('union-accuses-authority');
    // A second run adds nothing twice.
    const again = mergeIntoFile(merged, suggest(suggestInput({ ...source, data: parseFrontmatter(merged).frontmatter }, [])));
    expect((parseFrontmatter(again).frontmatter as { claims: unknown[] }).claims.length).toBe(data.claims.length);
  });

  it('--write gives an article the project’s checker passes: every quote found, every party defined', () => {
    const merged = mergeIntoFile(draft, result);
    const { frontmatter, content } = parseFrontmatter(merged, { frontmatter: 'empty-with-lines' });
    const { issues } = checkArticles([{ ...source, data: frontmatter, body: content }]);
    expect(errorsIn(issues)).toEqual([]);
  });

  it('prints YAML with a reason per suggestion and a # guess on guessed kinds, or JSON with parties and claims', () => {
    const yaml = suggestionsYaml(result, source.file);
    expect(yaml).toMatch(/# why: verb “denied” \(deny\), frame “X verb …”/);
    expect(yaml).toMatch(/kind: person # guess/);
    expect(yaml).toContain('covered by claim union-accuses-authority');
    const json = suggestionsJson(result);
    expect(Object.keys(json)).toEqual(['parties', 'claims']);
    expect(json.claims.length).toBe(result.claims.length);
  });
});

describe('the measure', () => {
  it('matches one to one when quotes share half of the shorter one', () => {
    const at = (block: number, start: number, end: number) => [{ block, start, end }];
    const score = evaluate(
      [
        { id: 'a', spans: at(0, 0, 100), kind: 'assert', by: 'x' },
        { id: 'b', spans: at(0, 10, 20), kind: 'warn', by: 'y' },
        { id: 'c', spans: at(1, 0, 10), kind: 'deny', by: 'x' },
      ],
      [
        { id: 's1', spans: at(0, 0, 60), kind: 'assert', by: 'x' },
        { id: 's2', spans: at(1, 6, 30), kind: 'deny', by: 'x' },
      ],
    );
    // s1 can be a or b (both inside it), but only one of them; s2 shares 4 of c's 10 characters: no match.
    expect(score.matched).toBe(1);
    expect(score.missed).toHaveLength(2);
    expect(score.extra).toEqual(['s2']);
  });
});
