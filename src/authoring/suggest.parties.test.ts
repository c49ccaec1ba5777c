// The suggester: the parties it finds, the limits of the schema, and what an article already has.
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { textBlocks } from '../lib/articleText.ts';
import { type ArticleSource, checkArticles } from '../lib/checkArticles.ts';
import { quoteSpans } from '../schemas/claim.ts';
import type { Party } from '../schemas/party.ts';
import { suggestInput } from './articleInput.ts';
import { evaluate } from './evaluate.ts';
import { mergeIntoFile, suggestionsJson, suggestionsYaml } from './output.ts';
import { suggest } from './suggest.ts';
import { errorsIn } from '../lib/contentIssues.ts';
import { claimWith, HARBOUR, suggestFor } from './suggest.testing.ts';

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

  it('reads a capital as its government when the text names the country too (“Kabul said …”), and invents no country', () => {
    const { result } = suggestFor(
      'Afghanistan closed the Torkham crossing on Sunday.\n\nKabul said the crossing would reopen once talks resumed. France said it was concerned. Paris warned against escalation.\n\nOttawa said it would send observers.\n',
    );
    expect(claimWith(result, 'the crossing would reopen').by).toBe('afghanistan');
    expect(claimWith(result, 'the crossing would reopen').speaker).toBe('Kabul');
    expect(claimWith(result, 'against escalation').by).toBe('france');
    expect(result.parties.find(({ party }) => party.id === 'afghanistan')?.party.aliases).toEqual(['Kabul']);
    // Canada is not named: Ottawa stays the party the text names, and no “Canada” appears.
    expect(claimWith(result, 'would send observers').by).toBe('ottawa');
    expect(result.parties.map(({ party }) => party.name)).not.toContain('Canada');
  });

  it('keeps groups with one head noun apart when their words differ (“British officials” are not “Afghan officials”)', () => {
    const { result } = suggestFor(
      'Afghan officials said the crossing would reopen soon. British officials said they were monitoring the border.\n\nSecurity analysts warned of a long closure. Analysts said trade would suffer. Regional analysts said the closure was political.\n',
    );
    const by = (words: string) => claimWith(result, words).by;
    expect(by('they were monitoring')).not.toBe(by('the crossing would reopen'));
    // A bare "analysts" is the group named before; "regional analysts" is another.
    expect(by('trade would suffer')).toBe(by('of a long closure'));
    expect(by('the closure was political')).not.toBe(by('of a long closure'));
  });

  it('reads an irregular demonym as its state (“Afghan officials”), and a nationality no party has as nobody else’s', () => {
    const { result } = suggestFor(
      'Afghanistan closed the border on Sunday. Afghan officials said the crossing would reopen soon.\n\nFrance said it was concerned. French diplomats warned against escalation. British officials said they were monitoring the border.\n',
    );
    expect(claimWith(result, 'the crossing would reopen').by).toBe('afghanistan');
    expect(claimWith(result, 'against escalation').by).toBe('france');
    // The United Kingdom is not named: its officials are a group of their own, not France's, the last state speaking.
    expect(claimWith(result, 'they were monitoring').by).not.toBe('france');
    expect(result.parties.map(({ party }) => party.name)).not.toContain('United Kingdom');
  });

  it('does not read a capital as a country that only another article names', () => {
    const other: Party = { id: 'pakistan', name: 'Pakistan', kind: 'state', aliases: [] };
    const { result } = suggestFor('Islamabad said the border would stay open.\n', { otherParties: [{ article: 'earlier', party: other }] });
    expect(claimWith(result, 'the border would stay open').by).not.toBe('pakistan');
  });

  it('reads a chamber, a society, a fund or a guild as an organisation, not a person with two names', () => {
    for (const name of ['Chamber of Shipping', 'Royal Society', 'Pension Fund', 'Pilots Guild']) {
      const { result } = suggestFor(`The ${name} warned that the strike was costing exporters millions each day.\n`);
      expect(result.parties.find(({ party }) => party.name === name)?.party.kind, name).toBe('institution');
    }
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
