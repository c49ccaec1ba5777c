import { describe, expect, it } from 'vitest';
import { type Layout, type LayoutInput, layOutExchange, type Rect } from './exchangeLayout.ts';

const NODE = { width: 208, height: 32 };

/** Parties as `{ party: [claim ids] }`, answers as `"answer>answered"`. */
function graph(parties: Record<string, string[]>, answers: string[]): LayoutInput {
  const groups = Object.entries(parties).map(([id, nodeIds]) => ({ id, paddingTop: 30, nodeIds }));
  return {
    nodes: groups.flatMap((group) => group.nodeIds).map((id) => ({ id, ...NODE })),
    groups,
    edges: answers.map((pair) => {
      const [from, to] = pair.split('>') as [string, string];
      return { id: pair, from, to };
    }),
  };
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** What every layout must be: boxes apart and on the canvas, arrows orthogonal, from side to side, across no claim. */
function expectSound(input: LayoutInput, layout: Layout): void {
  const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
  const nodes = [...layout.nodes.entries()];
  const groups = [...layout.groups.entries()];
  expect(nodes.length).toBe(input.nodes.length);
  for (const [i, [id, node]] of nodes.entries()) {
    expect(inside(node, canvas), `${id} on the canvas`).toBe(true);
    for (const [other, box] of nodes.slice(i + 1)) expect(overlap(node, box), `${id} overlaps ${other}`).toBe(false);
  }
  for (const [i, [id, group]] of groups.entries()) {
    expect(inside(group, canvas), `${id} on the canvas`).toBe(true);
    for (const [other, box] of groups.slice(i + 1)) expect(overlap(group, box), `${id} overlaps ${other}`).toBe(false);
  }
  for (const group of input.groups)
    for (const id of group.nodeIds) expect(inside(layout.nodes.get(id)!, layout.groups.get(group.id)!)).toBe(true);
  for (const edge of input.edges) {
    const points = layout.edges.get(edge.id)!;
    const from = layout.nodes.get(edge.from)!;
    const to = layout.nodes.get(edge.to)!;
    expect(points[0], `${edge.id} leaves its answer's left side`).toEqual({ x: from.x, y: from.y + from.height / 2 });
    expect(points.at(-1), `${edge.id} ends on the answered claim's right side`).toEqual({ x: to.x + to.width, y: to.y + to.height / 2 });
    for (const [i, point] of points.entries()) {
      expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
      expect(point.x >= 0 && point.x <= layout.width && point.y >= 0 && point.y <= layout.height, `${edge.id} on the canvas`).toBe(true);
      if (i === 0) continue;
      const before = points[i - 1]!;
      expect(before.x === point.x || before.y === point.y, `${edge.id}: orthogonal`).toBe(true);
      // A segment as a thin box: it may touch a claim's side (where it starts and ends), never run through a claim.
      const segment = {
        x: Math.min(before.x, point.x),
        y: Math.min(before.y, point.y),
        width: Math.abs(point.x - before.x),
        height: Math.abs(point.y - before.y),
      };
      for (const [id, node] of nodes) {
        const crosses =
          segment.x < node.x + node.width &&
          segment.x + segment.width > node.x &&
          segment.y < node.y + node.height &&
          segment.y + segment.height > node.y;
        expect(crosses, `${edge.id} runs through ${id}`).toBe(false);
      }
    }
  }
}

/** A small deterministic generator (mulberry32), for graphs of every shape. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('layOutExchange', () => {
  it('puts each claim one column right of the rightmost claim it answers', () => {
    const input = graph({ a: ['accusation'], b: ['denial'], c: ['reply', 'late'] }, [
      'denial>accusation',
      'reply>denial',
      'late>accusation',
      'late>reply',
    ]);
    const layout = layOutExchange(input);
    const x = (id: string) => layout.nodes.get(id)!.x;
    expect(x('accusation')).toBeLessThan(x('denial'));
    expect(x('denial')).toBeLessThan(x('reply'));
    expect(x('reply')).toBeLessThan(x('late'));
    expectSound(input, layout);
  });

  it('sets boxes side by side when they share no column, and below when they do', () => {
    const input = graph({ a: ['accusation'], b: ['denial'], c: ['other-denial'] }, ['denial>accusation', 'other-denial>accusation']);
    const layout = layOutExchange(input);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => layout.groups.get(id)!);
    expect(b!.y).toBe(a!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    expect(c!.y).toBeGreaterThan(b!.y + b!.height);
    expectSound(input, layout);
  });

  it('lets two claims of a party share a row unless an arrow along it would pass the other', () => {
    const sharing = graph({ a: ['first', 'answer'], b: ['reply'] }, ['reply>first', 'answer>reply']);
    const shared = layOutExchange(sharing);
    expect(shared.nodes.get('answer')!.y).toBe(shared.nodes.get('first')!.y);
    expectSound(sharing, shared);
    // "far" answers "start" two columns to its left: its arrow runs along its row across column 1, where "middle" is.
    const passing = graph({ a: ['start', 'middle', 'far'], b: ['step'] }, ['step>start', 'middle>start', 'far>step', 'far>start']);
    const apart = layOutExchange(passing);
    expect(apart.nodes.get('far')!.x).toBeGreaterThan(apart.nodes.get('middle')!.x);
    expect(apart.nodes.get('far')!.y).not.toBe(apart.nodes.get('middle')!.y);
    expectSound(passing, apart);
  });

  it('keeps a box off the row of an arrow that would run across it', () => {
    // "far" (column 2) answers "start" (column 0): its arrow runs across column 1, so "aside" (column 1) cannot stand in its band.
    const input = graph({ a: ['start'], b: ['step'], c: ['far'], d: ['aside'] }, ['step>start', 'far>step', 'far>start', 'aside>start']);
    const layout = layOutExchange(input);
    const far = layout.groups.get('c')!;
    const aside = layout.groups.get('d')!;
    expect(aside.y >= far.y + far.height || far.y >= aside.y + aside.height).toBe(true);
    expectSound(input, layout);
  });

  it('joins the answers to one claim before its arrowhead', () => {
    const input = graph({ a: ['claim'], b: ['one', 'two', 'three'] }, ['one>claim', 'two>claim', 'three>claim']);
    const layout = layOutExchange(input);
    const legs = ['one>claim', 'two>claim', 'three>claim'].map((id) => layout.edges.get(id)!);
    expect(new Set(legs.map((points) => JSON.stringify(points.at(-1)))).size).toBe(1);
    // The answer level with the claim runs straight to it; the others come down one shared channel.
    const bent = legs.filter((points) => points.length > 2);
    expect(bent.length).toBe(2);
    expect(new Set(bent.map((points) => points.at(-2)!.x)).size).toBe(1);
    expectSound(input, layout);
  });

  it('draws answers that go round in a circle, the arrow closing it round the boxes', () => {
    const input = graph({ a: ['x'], b: ['y'], c: ['z'] }, ['y>x', 'z>y', 'x>z']);
    const layout = layOutExchange(input);
    // One arrow of the three closes the circle: it leaves its answer leftwards, like the others, and goes round.
    expect(['y>x', 'z>y', 'x>z'].filter((id) => layout.edges.get(id)!.length > 4)).toHaveLength(1);
    expectSound(input, layout);
    const pair = graph({ a: ['x'], b: ['y'] }, ['y>x', 'x>y']);
    expectSound(pair, layOutExchange(pair));
  });

  it('gives the same layout for the same graph', () => {
    const input = graph({ a: ['x', 'w'], b: ['y'], c: ['z'] }, ['y>x', 'z>y', 'w>y', 'x>z']);
    const text = (layout: Layout) => JSON.stringify([...layout.nodes, ...layout.groups, ...layout.edges]);
    expect(text(layOutExchange(input))).toBe(text(layOutExchange(structuredClone(input))));
  });

  it('is empty without claims', () => {
    expect(layOutExchange(graph({}, []))).toMatchObject({ width: 0, height: 0 });
  });

  it('lays out graphs of every shape soundly: 300 random exchanges, circles included', () => {
    const next = random(20261127);
    for (let round = 0; round < 300; round++) {
      const count = 2 + Math.floor(next() * 30);
      const partyCount = 1 + Math.floor(next() * Math.min(count, 12));
      const parties: Record<string, string[]> = {};
      for (let i = 0; i < count; i++) (parties[`p${Math.floor(next() * partyCount)}`] ??= []).push(`n${i}`);
      const answers = new Set<string>();
      for (let i = 0; i < count * 1.5; i++) {
        const from = Math.floor(next() * count);
        const to = Math.floor(next() * count);
        // Mostly answers to an earlier claim, as in an article; sometimes a later one, which can close a circle.
        if (from !== to && (to < from || next() < 0.15)) answers.add(`n${from}>n${to}`);
      }
      const input = graph(parties, [...answers]);
      expectSound(input, layOutExchange(input));
    }
  });
});
