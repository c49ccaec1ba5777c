import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexedSample, validSource } from '../../tests/fixtures/articleSource.ts';
import { readArticleSources } from '../node/articleFiles.ts';
import { articleExchange, type ExchangeMap, type ExchangeNode, MAP_METRICS, partyExchange, wrapText } from './exchangeMap.ts';
import { buildReferenceIndex, type IndexedArticle, type ReferenceIndex } from './referenceIndex.ts';
import { sitePaths } from './urls.ts';
import { checkArticles } from './checkArticles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = 'pakistan-rejects-taliban-interference-accusation';
// tests/fixtures/real-articles: the rejection answers claims of the accusation, the talks answer both.
const ACCUSATION = 'veloria-accuses-kestran-of-dam-diversion';
const REJECTION = 'kestran-rejects-velorian-dam-claims';
const paths = sitePaths('/base/');

let index: ReferenceIndex;
const article = (slug: string): IndexedArticle => index.articleBySlug.get(slug)!;
const key = (slug: string, claimId: string) => `${slug}#${claimId}`;

beforeAll(() => {
  const sources = ['content/articles', 'tests/fixtures/articles', 'tests/fixtures/real-articles'].flatMap(
    (dir) => readArticleSources(dir, ROOT).sources,
  );
  const { articles, issues } = checkArticles(sources);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  index = buildReferenceIndex(articles);
});

/** Every answer pair of an article, as node keys from the answer to the claim it answers, both ways round. */
function answerPairs(a: IndexedArticle): Set<string> {
  const pairs = new Set<string>();
  for (const [id, answered] of a.answers)
    for (const target of answered) pairs.add(`${key(a.slug, id)}->${key(target.articleSlug, target.claim.id)}`);
  for (const [id, answers] of a.answeredBy)
    for (const answer of answers) pairs.add(`${key(answer.articleSlug, answer.claim.id)}->${key(a.slug, id)}`);
  return pairs;
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Geometry every map must have: boxes apart, claims in their party's box, everything on the canvas, arrows between their claims. */
function expectWellLaidOut(map: ExchangeMap): void {
  const canvas = { x: 0, y: 0, width: map.width, height: map.height };
  const nodeById = new Map(map.nodes.map((node) => [node.id, node]));
  for (const [i, a] of map.nodes.entries()) {
    expect(inside(a, canvas), `${a.id} on the canvas`).toBe(true);
    for (const b of map.nodes.slice(i + 1)) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  }
  for (const [i, group] of map.groups.entries()) {
    expect(inside(group, canvas), `group ${group.id} on the canvas`).toBe(true);
    for (const other of map.groups.slice(i + 1)) expect(overlap(group, other), `group ${group.id} overlaps ${other.id}`).toBe(false);
    for (const id of group.nodeIds) expect(inside(nodeById.get(id)!, group), `${id} inside ${group.id}`).toBe(true);
  }
  const onEdgeOf = (point: { x: number; y: number }, node: ExchangeNode, side: 'west' | 'east') =>
    point.x === (side === 'west' ? node.x : node.x + node.width) && point.y >= node.y && point.y <= node.y + node.height;
  for (const edge of map.edges) {
    expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
    // Right to left: an arrow leaves the answer's left side and ends, with its head, on the answered claim's right side.
    expect(onEdgeOf(edge.points[0]!, nodeById.get(edge.from)!, 'west'), `${edge.id} starts at its answer`).toBe(true);
    expect(onEdgeOf(edge.points.at(-1)!, nodeById.get(edge.to)!, 'east'), `${edge.id} ends at the claim it answers`).toBe(true);
    for (const point of edge.points) expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
  }
  for (const box of [...map.nodes, ...map.groups]) expect([box.x, box.y, box.width, box.height].every(Number.isInteger)).toBe(true);
}

describe('the exchange map of an article', () => {
  it('draws each claim of the seed that answers or is answered once, and leaves the others out, counted', () => {
    const seed = article(SEED);
    const map = articleExchange(seed, paths);
    const inExchange = seed.claims.filter((ref) => seed.answers.has(ref.claim.id) || seed.answeredBy.has(ref.claim.id));
    expect(inExchange.length).toBeGreaterThan(5);
    expect(map.nodes.map((node) => node.id).sort()).toEqual(inExchange.map((ref) => key(SEED, ref.claim.id)).sort());
    expect(map.notInExchange).toBe(seed.claims.length - inExchange.length);
    for (const node of map.nodes) {
      expect(node.local).toBe(true);
      expect(node.href).toBe(`#claim-${node.claimId}`);
      expect(node.heading).toBe(`${node.number} · ${node.kind.replaceAll('-', ' ')}`);
      expect(node.articleLine).toBeUndefined();
    }
  });

  it('puts the claims in one labelled box per claimant party', () => {
    const seed = article(SEED);
    const map = articleExchange(seed, paths);
    expect(map.groups.map((group) => group.id).sort()).toEqual([...new Set(map.nodes.map((node) => node.groupId))].sort());
    expect(map.groups.map((group) => group.label).sort()).toEqual(['Pakistan', 'Security analysts', 'Taliban administration']);
    for (const group of map.groups) for (const id of group.nodeIds) expect(seed.claimById.get(id.split('#')[1]!)!.claim.by).toBe(group.id);
    expect(map.groups.flatMap((group) => group.nodeIds).sort()).toEqual(map.nodes.map((node) => node.id).sort());
  });

  it('names a spokesperson’s box with the party it speaks for', () => {
    const map = articleExchange(article(REJECTION), paths);
    expect(map.groups.map((group) => group.label)).toContain('Dariusz Fenn, for Kestran Federation');
  });

  it('draws one arrow per respondsTo pair, from the answer to the claim it answers', () => {
    const seed = article(SEED);
    const map = articleExchange(seed, paths);
    const respondsTo = seed.claims.flatMap((ref) =>
      ref.claim.respondsTo.map((target) => `${key(SEED, ref.claim.id)}->${key(SEED, target)}`),
    );
    expect(map.edges.map((edge) => `${edge.from}->${edge.to}`).sort()).toEqual([...new Set(respondsTo)].sort());
    expect(new Set(map.edges.map((edge) => edge.id)).size).toBe(map.edges.length);
    const accusation = key(SEED, 'taliban-accuses-pakistan-of-interference');
    expect(map.edges.filter((edge) => edge.to === accusation).length).toBe(
      seed.answeredBy.get('taliban-accuses-pakistan-of-interference')!.length,
    );
    expect(map.edges.some((edge) => edge.from === accusation)).toBe(false);
    expectWellLaidOut(map);
  });

  it('draws answers across articles both ways, linking to the other article’s claim', () => {
    for (const slug of [ACCUSATION, REJECTION]) {
      const a = article(slug);
      const map = articleExchange(a, paths);
      expect(new Set(map.edges.map((edge) => `${edge.from}->${edge.to}`)), slug).toEqual(answerPairs(a));
      const elsewhere = map.nodes.filter((node) => node.articleSlug !== slug);
      expect(elsewhere.length, slug).toBeGreaterThan(0);
      for (const node of elsewhere) {
        expect(node.local).toBe(false);
        expect(node.href).toBe(`/base/articles/${node.articleSlug}/#claim-${node.claimId}`);
        expect(node.articleLine).toMatch(/^in “.+”$/);
      }
      // The rejection's claims answer the accusation's: the accusation's map has arrows coming in from the rejection.
      expectWellLaidOut(map);
    }
    const accusationMap = articleExchange(article(ACCUSATION), paths);
    expect(accusationMap.edges.some((edge) => edge.from.startsWith(`${REJECTION}#`) && edge.to.startsWith(`${ACCUSATION}#`))).toBe(true);
  });

  it('is empty for an article in which no claim answers or is answered, and says how many claims it leaves out', () => {
    const source = validSource();
    source.data.claims = source.data.claims.map((claim: { respondsTo?: string[] }) => ({ ...claim, respondsTo: undefined }));
    const map = articleExchange(indexedSample(source), paths);
    expect(map).toMatchObject({ nodes: [], edges: [], groups: [], list: [], notInExchange: 2, omittedEdges: 0 });
  });

  it('draws the smallest exchange: one answer to one claim', () => {
    const map = articleExchange(indexedSample(), paths);
    // In reading order: the sample's text has Pakistan's answer first.
    expect(map.nodes.map((node) => [node.number, node.claimId])).toEqual([
      [1, 'pakistan-rejects'],
      [2, 'taliban-accuses'],
    ]);
    expect(map.edges.map((edge) => [edge.from, edge.to])).toEqual([['sample#pakistan-rejects', 'sample#taliban-accuses']]);
    expectWellLaidOut(map);
  });

  it('gives the same map, byte for byte, for the same article, whatever ran before', () => {
    // Rebuilt from scratch, as another build would.
    const sources = ['content/articles', 'tests/fixtures/articles', 'tests/fixtures/real-articles'].flatMap(
      (dir) => readArticleSources(dir, ROOT).sources,
    );
    const again = buildReferenceIndex(checkArticles(sources).articles);
    for (const slug of [SEED, ACCUSATION, REJECTION]) {
      const first = JSON.stringify(articleExchange(article(slug), paths));
      articleExchange(article(SEED), paths);
      expect(JSON.stringify(articleExchange(again.articleBySlug.get(slug)!, paths)), slug).toBe(first);
    }
  });

  it('lays out every article of the fixtures without overlaps', () => {
    for (const a of index.articles) expectWellLaidOut(articleExchange(a, paths));
  });

  it('keeps every line within its box, and sizes each box to its lines', () => {
    const maxChars = Math.floor((MAP_METRICS.nodeWidth - 2 * MAP_METRICS.padding) / MAP_METRICS.charWidth);
    const map = articleExchange(article(REJECTION), paths);
    for (const node of map.nodes) {
      // No summary lines in the boxes (MAP_METRICS.maxSummaryLines is 0): the list and the claim cards carry it.
      expect(node.lines.length).toBeLessThanOrEqual(MAP_METRICS.maxSummaryLines);
      for (const line of [...node.lines, node.articleLine ?? '']) expect(line.length, line).toBeLessThanOrEqual(maxChars);
      const textLines = node.lines.length + (node.articleLine ? 1 : 0);
      expect(node.height).toBe(2 * MAP_METRICS.padding + MAP_METRICS.headingHeight + textLines * MAP_METRICS.lineHeight);
    }
    // A party's name too long for its box takes a second line, whole: “Dariusz Fenn, for” / “Kestran Federation”.
    for (const group of map.groups) {
      expect(group.labelLines.join(' ')).toBe(group.label);
      for (const line of group.labelLines)
        expect(line.length * MAP_METRICS.groupLabelCharWidth).toBeLessThanOrEqual(group.width - 2 * MAP_METRICS.groupPadding);
    }
    expect(map.groups.find((group) => group.id === 'dariusz-fenn')!.labelLines).toEqual(['Dariusz Fenn, for Kestran', 'Federation']);
  });

  it('gives the same exchange as a nested list: party, claim, what it answers and what answers it', () => {
    const map = articleExchange(article(REJECTION), paths);
    expect(map.list.map((group) => group.label)).toEqual(map.groups.map((group) => group.label));
    const listed = map.list.flatMap((group) => group.claims);
    expect(listed.map((claim) => claim.node.id).sort()).toEqual(map.nodes.map((node) => node.id).sort());
    const answers = listed.flatMap((claim) => claim.answers.map((link) => `${claim.node.href}->${link.href}`));
    const answeredBy = listed.flatMap((claim) => claim.answeredBy.map((link) => `${link.href}->${claim.node.href}`));
    const hrefOf = new Map(map.nodes.map((node) => [node.id, node.href]));
    const edges = map.edges.map((edge) => `${hrefOf.get(edge.from)}->${hrefOf.get(edge.to)}`).sort();
    expect(answers.sort()).toEqual(edges);
    expect(answeredBy.sort()).toEqual(edges);
    const elsewhere = listed.find((claim) => !claim.node.local)!;
    expect(elsewhere.label).toMatch(/^Claim \d+ \([a-z -]+\) in “.+”$/);
    expect(
      listed.flatMap((claim) => [...claim.answers, ...claim.answeredBy]).every((link) => /^claim \d+ \(.+, [a-z -]+\)/.test(link.label)),
    ).toBe(true);
  });
});

describe('the exchange map of a party', () => {
  it('draws the exchanges of the claims a party makes across articles, each linking to its article', () => {
    const party = index.partyById.get('kestran-federation')!;
    const map = partyExchange(party.claims, index.articleBySlug, paths);
    const made = party.claims.filter((claim) => claim.roles.by).map((claim) => claim.ref);
    expect(new Set(made.map((ref) => ref.articleSlug)).size).toBeGreaterThan(1);
    const drawn = new Set(map.nodes.map((node) => node.id));
    for (const ref of made) {
      const a = article(ref.articleSlug);
      const answers = [...(a.answers.get(ref.claim.id) ?? []), ...(a.answeredBy.get(ref.claim.id) ?? [])];
      expect(drawn.has(key(ref.articleSlug, ref.claim.id)), ref.claim.id).toBe(answers.length > 0);
      for (const other of answers) expect(drawn.has(key(other.articleSlug, other.claim.id))).toBe(true);
    }
    expect(new Set(map.nodes.map((node) => node.articleSlug)).size).toBeGreaterThan(1);
    for (const node of map.nodes) {
      expect(node.local).toBe(false);
      expect(node.href).toBe(`/base/articles/${node.articleSlug}/#claim-${node.claimId}`);
      expect(node.articleLine).toMatch(/^in “/);
    }
    // Its spokespeople's claims are its own, in their own boxes.
    expect(map.groups.some((group) => group.label.endsWith(', for Kestran Federation'))).toBe(true);
    expectWellLaidOut(map);
    expect(JSON.stringify(partyExchange(party.claims, index.articleBySlug, paths))).toBe(JSON.stringify(map));
  });

  it('draws nothing for a party whose claims answer none and are answered by none', () => {
    const party = index.parties.find(
      (entry) =>
        entry.claimsBy.length > 0 &&
        entry.claimsBy.every((ref) => {
          const a = article(ref.articleSlug);
          return !a.answers.has(ref.claim.id) && !a.answeredBy.has(ref.claim.id);
        }),
    )!;
    expect(party).toBeDefined();
    const map = partyExchange(party.claims, index.articleBySlug, paths);
    expect(map.nodes).toEqual([]);
    expect(map.notInExchange).toBe(party.claims.filter((claim) => claim.roles.by).length);
  });

  it('stays bounded: past the limit, answers are counted instead of drawn', () => {
    const party = index.partyById.get('pakistan')!;
    const full = partyExchange(party.claims, index.articleBySlug, paths);
    expect(full.nodes.length).toBeGreaterThan(6);
    const small = partyExchange(party.claims, index.articleBySlug, paths, { maxNodes: 6 });
    expect(small.nodes.length).toBeLessThanOrEqual(6);
    expect(small.omittedEdges).toBe(full.edges.length - small.edges.length);
    expect(small.omittedEdges).toBeGreaterThan(0);
    expectWellLaidOut(small);
  });
});

describe('wrapText', () => {
  it('wraps by words, splits a word longer than a line, and ends a cut text with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghijkl', 5, 3)).toEqual(['abcd-', 'efgh-', 'ijkl']);
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    for (const line of wrapText('The Kestran foreign ministry calls Velorian accusations of theft false and dangerous.', 20, 2)) {
      expect(line.length).toBeLessThanOrEqual(20);
    }
  });
});
