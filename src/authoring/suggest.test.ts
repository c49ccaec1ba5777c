import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateQuote } from '../lib/quoteAnchors.ts';
import { quoteSpans } from '../schemas/claim.ts';
import { importArticle } from './importArticle.ts';
import { claimWith, HARBOUR, suggestFor } from './suggest.testing.ts';

describe('claims from reporting verbs and their frames', () => {
  const { blocks, result } = suggestFor(HARBOUR);
  const texts = blocks.map((block) => block.text);

  it('“X rejected …”: a rejection with the words of the rejection, by the party named', () => {
    const claim = claimWith(result, 'rejected accusations');
    expect(claim.kind).toBe('reject');
    expect(claim.by).toBe('norvik-port-authority');
    // "The Norvik port authority" only repeats the party's name: no speaker.
    expect(claim.speaker).toBeUndefined();
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

describe('a quotation over two paragraphs of a block quotation', () => {
  const text = [
    'Amir Dahl, general secretary of the Dockworkers’ Union, dismissed the proposal as an insult.',
    '',
    '> “Four per cent does not cover what our members have lost to prices in two years.',
    '>',
    '> We will stay out until the ministry talks about pensions, not around them.”',
    '',
  ].join('\n');
  const { blocks, result } = suggestFor(text);

  it('is a claim per paragraph by the speaker who introduced it (the whole apposition), without the lone marks that open and close it', () => {
    const dismissal = claimWith(result, 'dismissed the proposal');
    expect(dismissal).toMatchObject({ by: 'amir-dahl', speaker: 'Amir Dahl, general secretary of the Dockworkers’ Union' });
    const first = claimWith(result, 'Four per cent');
    const second = claimWith(result, 'pensions');
    expect(first.quote).toBe('Four per cent does not cover what our members have lost to prices in two years');
    expect(second.quote).toBe('We will stay out until the ministry talks about pensions, not around them.');
    for (const claim of [first, second]) {
      expect(claim.by).toBe('amir-dahl');
      expect(
        locateQuote(
          blocks.map((block) => block.text),
          quoteSpans(claim),
        ).status,
      ).toBe('found');
    }
  });

  it('keeps the marks of a quotation that opens and closes in one paragraph', () => {
    const { result } = suggestFor(
      'Amir Dahl, the union’s leader, said:\n\n> “We will stay out until the ministry talks about pensions.”\n',
    );
    expect(claimWith(result, 'pensions').quote).toBe('“We will stay out until the ministry talks about pensions.”');
  });
});

describe('a quotation over two paragraphs of running text (the first left open, the next opening with a quotation mark)', () => {
  const text = [
    '“We have waited long enough,” said Amir Dahl, the union leader. “The union will not move on this.',
    '',
    '“Our members deserve better than a promise of a review.”',
    '',
    'Talks are due to resume on Monday.',
    '',
  ].join('\n');
  const { result } = suggestFor(text);

  it('keeps the speaker for the words left open and for the paragraph that goes on, and the article’s voice after', () => {
    expect(claimWith(result, 'will not move').by).toBe('amir-dahl');
    expect(claimWith(result, 'will not move').quote).toBe('The union will not move on this.');
    const goesOn = result.claims.find(({ claim }) => quoteSpans(claim).join(' ').includes('deserve better'))!;
    expect(goesOn.claim.by).toBe('amir-dahl');
    expect(goesOn.why).toContain('a quotation going on from the paragraph before');
    const after = result.parties.find(({ party }) => party.id === claimWith(result, 'due to resume').by)!;
    expect(after.party.kind).toBe('publication');
  });

  it('does not carry a speaker into a paragraph when the quotation before it was closed', () => {
    const { result } = suggestFor('“We have waited long enough,” said Amir Dahl, the union leader.\n\n“Our members deserve better.”\n');
    expect(claimWith(result, 'deserve better').by).not.toBe('amir-dahl');
  });
});

describe('a passive: “X was rejected by Y”', () => {
  it('is Y’s claim about X, with the words of what was done, not the subject’s', () => {
    const { result } = suggestFor(
      'The Dockworkers’ Union called the strike. Dock workers walked out after the transport ministry’s latest offer was firmly rejected by the union.\n',
    );
    const claim = claimWith(result, 'latest offer was firmly rejected');
    expect(claim).toMatchObject({ by: 'dockworkers-union', kind: 'reject', speaker: 'the union' });
    expect(claim.quote).toBe('the transport ministry’s latest offer was firmly rejected');
    expect(claim.summary).toMatch(/rejects the transport ministry’s latest offer\.$/);
    expect(result.parties.map(({ party }) => party.name)).not.toContain('After the transport ministry’s latest offer');
  });

  it('keeps what the verb says after the agent, and ends the agent before “as”, “that” or a time', () => {
    const told = claimWith(suggestFor('Reuters was told by a senior official that the talks had collapsed.\n').result, 'was told');
    expect(told).toMatchObject({ speaker: 'a senior official' });
    expect(quoteSpans(told).join(' … ')).toMatch(/^Reuters was told … (that )?the talks had collapsed$/);
    const criticised = suggestFor('The plan was criticised by opposition leaders as reckless and costly.\n').result;
    expect(claimWith(criticised, 'was criticised')).toMatchObject({
      by: 'opposition-leaders',
      quote: ['The plan was criticised', 'as reckless and costly'],
    });
    expect(criticised.parties.map(({ party }) => party.name)).toEqual(['Opposition leaders']);
    const disputed = claimWith(suggestFor('The figures were disputed by the Chamber of Shipping on Tuesday.\n').result, 'were disputed');
    expect(disputed).toMatchObject({ by: 'chamber-of-shipping', summary: 'Chamber of Shipping disputes the figures.' });
    expect(disputed.speaker).toBeUndefined();
  });

  it('agrees the summary’s verb with a group named by a plural noun, and keeps “, however” out of the speaker', () => {
    const { result } = suggestFor(
      'Afghan officials said the border would stay closed. Residents warned that prices would rise. Local people said the market was shut. Security analysts, however, said the risk was low. The Ministry of Foreign Affairs said the claim was false.\n',
    );
    expect(claimWith(result, 'the border would stay closed').summary).toBe('Afghan officials say that the border would stay closed.');
    expect(claimWith(result, 'prices would rise').summary).toBe('Residents warn that prices would rise.');
    expect(claimWith(result, 'the market was shut').summary).toBe('Local people say that the market was shut.');
    const analysts = claimWith(result, 'the risk was low');
    expect(analysts).toMatchObject({ by: 'security-analysts', summary: 'Security analysts say that the risk was low.' });
    expect(analysts.speaker).toBeUndefined();
    // A proper name ending in "s" is one party: the singular verb.
    expect(claimWith(result, 'the claim was false').summary).toBe('Ministry of Foreign Affairs says that the claim was false.');
  });

  it('takes “the ministry” to be the ministry named before (“Pakistan’s foreign ministry”), not a party called “Ministry”', () => {
    const { result } = suggestFor(
      "Pakistan's foreign ministry said the crossing would reopen next week. The ministry said talks were planned. India's army said it was ready. The army said it was calm.\n",
    );
    expect(claimWith(result, 'talks were planned')).toMatchObject({ by: 'pakistan', speaker: 'The ministry' });
    expect(claimWith(result, 'it was calm')).toMatchObject({ by: 'india', speaker: 'The army' });
    expect(result.parties.map(({ party }) => party.name)).not.toContain('Ministry');
  });

  it('reads “officials in Kabul” as the state the place belongs to, or a group of this article, never the last state speaking', () => {
    const text = "India's army said it was ready. Officials in Kabul said the closure hurt traders.\n";
    const named = suggestFor(`Afghanistan closed the crossing on Sunday. ${text}`).result;
    expect(claimWith(named, 'the closure hurt traders')).toMatchObject({ by: 'afghanistan', speaker: 'Officials in Kabul' });
    const unnamed = suggestFor(text).result;
    const claim = claimWith(unnamed, 'the closure hurt traders');
    expect(claim.by).toBe('test-article-officials-in-kabul');
    expect(unnamed.parties.find(({ party }) => party.id === claim.by)?.party).toMatchObject({
      name: 'Officials in Kabul',
      kind: 'unnamed-sources',
    });
    // An organisation named after the head is the speaker's: "officials of the World Bank" speak for it.
    const bank = suggestFor('Officials of the World Bank said the loan was approved.\n').result;
    expect(claimWith(bank, 'the loan was approved')).toMatchObject({ by: 'world-bank', speaker: 'Officials of the World Bank' });
    const treasury = suggestFor('Officials at the Treasury said the figures were wrong.\n').result;
    expect(claimWith(treasury, 'the figures were wrong')).toMatchObject({ by: 'treasury', speaker: 'Officials at the Treasury' });
    expect(treasury.parties.find(({ party }) => party.id === 'treasury')?.party.kind).toBe('government');
  });

  it('keeps a name’s capital where the quote opens a summary, and lower-cases other words', () => {
    const { result } = suggestFor(
      'Pakistan closed the border on Monday. Talks were planned, officials said. They said Veloria had lied.\n',
    );
    expect(claimWith(result, 'closed the border').summary).toMatch(/ states that Pakistan closed the border on Monday\.$/);
    expect(claimWith(result, 'Talks were planned').summary).toBe('Officials say that talks were planned.');
  });

  it('names no claimant when the text names no agent: the sentence is the article’s own voice, not the subject’s claim', () => {
    const { result } = suggestFor('The ministry’s offer was rejected on Tuesday, and the strike went on.\n');
    const claims = result.claims.filter(({ claim }) => claim.quote.includes('was rejected'));
    expect(claims).toHaveLength(1);
    expect(result.parties.find(({ party }) => party.id === claims[0]!.claim.by)?.party.kind).toBe('publication');
    expect(result.parties.map(({ party }) => party.name)).not.toContain('The ministry’s offer');
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
