/**
 * Where the exchange map's boxes and arrows go: a small layered layout, written for this one kind of graph
 * (claims in their party's box, an arrow from each answer to the claim it answers), pure and synchronous.
 *
 * - Columns: a claim stands one column right of the rightmost claim it answers, so an exchange reads left
 *   to right, the accusation first. Where answers go round in a circle, the arrow that closes it is left
 *   out of the columns (it is drawn all the same, round the boxes).
 * - Rows: a party's claims fill rows in reading order; two claims share a row when neither's arrow has to
 *   pass the other.
 * - Bands: the party boxes, in order, each in the first band of boxes it fits beside (no shared column, and
 *   no arrow passing across it), else in a new band below.
 * - Arrows: orthogonal. An arrow leaves its answer's left side at the answer's middle, runs along that row
 *   (no other box stands on it) to the gap right of the claim it answers, then up or down that gap to the
 *   claim's middle. The answers to one claim share their last leg: they join before the arrowhead. An arrow
 *   that closes a circle goes round, through the free space below a band.
 *
 * Laying out a map of 40 claims takes well under a millisecond (ELK, which this replaced, took 12 ms for a
 * map of 9 claims, a fifth of a 1,000-article build's CPU time).
 */

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutGroup {
  id: string;
  /** The room above its first row (its label's). */
  paddingTop: number;
  /** Its claims' ids, in reading order. */
  nodeIds: string[];
}

export interface LayoutInput {
  /** Every claim, in reading order; all of one width. */
  nodes: LayoutBox[];
  groups: LayoutGroup[];
  /** From the answer to the claim it answers. */
  edges: { id: string; from: string; to: string }[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Rect>;
  groups: Map<string, Rect>;
  edges: Map<string, { x: number; y: number }[]>;
}

/** Spacing, in px: as the map looked under ELK's layered layout. */
export const LAYOUT_SPACING = {
  /** Between two rows of claims, and between two bands of boxes. */
  node: 14,
  /** The free width of a gap between columns (besides the boxes' padding), at the least. */
  gap: 24,
  /** Between two arrows running side by side. */
  edge: 8,
  groupPadding: 10,
  margin: 4,
} as const;

interface Placed {
  box: LayoutBox;
  group: number;
  column: number;
  /** The columns its arrows run across along its row (between it and what it answers), lowest first. */
  passes: [number, number][];
}

/** The columns: longest path from the claims that answer nothing, arrows closing a circle left out. */
function columnsOf(input: LayoutInput): { column: Map<string, number>; closing: Set<string> } {
  const answers = new Map<string, { id: string; to: string }[]>(input.nodes.map((node) => [node.id, []]));
  for (const edge of input.edges) answers.get(edge.from)!.push(edge);
  const column = new Map<string, number>();
  const closing = new Set<string>();
  const onPath = new Set<string>();
  // Depth first, in reading order, without recursion (a party map has at most 40 claims, but a chain has no bound).
  for (const start of input.nodes) {
    if (column.has(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    onPath.add(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = answers.get(top.id)!;
      if (top.next < out.length) {
        const edge = out[top.next++]!;
        if (onPath.has(edge.to)) closing.add(edge.id);
        else if (!column.has(edge.to)) {
          onPath.add(edge.to);
          stack.push({ id: edge.to, next: 0 });
        }
        continue;
      }
      let at = 0;
      for (const edge of out) if (!closing.has(edge.id)) at = Math.max(at, column.get(edge.to)! + 1);
      column.set(top.id, at);
      onPath.delete(top.id);
      stack.pop();
    }
  }
  return { column, closing };
}

const crosses = (passes: readonly [number, number][], column: number) => passes.some(([lo, hi]) => lo <= column && column <= hi);
const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];

export function layOutExchange(input: LayoutInput): Layout {
  const s = LAYOUT_SPACING;
  if (input.nodes.length === 0) return { width: 0, height: 0, nodes: new Map(), groups: new Map(), edges: new Map() };
  const { column, closing } = columnsOf(input);
  const groupOf = new Map<string, number>();
  input.groups.forEach((group, i) => group.nodeIds.forEach((id) => groupOf.set(id, i)));
  const placed = new Map<string, Placed>(
    input.nodes.map((box) => [box.id, { box, group: groupOf.get(box.id)!, column: column.get(box.id)!, passes: [] }]),
  );
  for (const edge of input.edges) {
    if (closing.has(edge.id)) continue;
    const from = placed.get(edge.from)!;
    const to = placed.get(edge.to)!;
    if (from.column - to.column > 1) from.passes.push([to.column + 1, from.column - 1]);
  }

  // Rows inside each box: a claim joins the first row with its column free, where no arrow along the row passes another claim.
  const rowsOf = input.groups.map((group) => {
    const rows: Placed[][] = [];
    for (const id of group.nodeIds) {
      const node = placed.get(id)!;
      const row = rows.find((row) =>
        row.every((other) => other.column !== node.column && !crosses(node.passes, other.column) && !crosses(other.passes, node.column)),
      );
      if (row) row.push(node);
      else rows.push([node]);
    }
    return rows;
  });
  const span = (nodes: readonly Placed[]): [number, number] => [
    Math.min(...nodes.map((node) => node.column)),
    Math.max(...nodes.map((node) => node.column)),
  ];
  const spans = input.groups.map((group) => span(group.nodeIds.map((id) => placed.get(id)!)));
  const passesOf = input.groups.map((group) => group.nodeIds.flatMap((id) => placed.get(id)!.passes));
  const heights = input.groups.map(
    (group, i) =>
      group.paddingTop +
      rowsOf[i]!.reduce((sum, row) => sum + Math.max(...row.map((node) => node.box.height)), 0) +
      (rowsOf[i]!.length - 1) * s.node +
      s.groupPadding,
  );

  // Bands of boxes side by side: no two in a band share a column, and no arrow of one runs across another.
  const bands: number[][] = [];
  input.groups.forEach((_, i) => {
    const fits = (band: number[]) =>
      band.every(
        (j) =>
          !overlaps(spans[i]!, spans[j]!) &&
          !passesOf[i]!.some((pass) => overlaps(pass, spans[j]!)) &&
          !passesOf[j]!.some((pass) => overlaps(pass, spans[i]!)),
      );
    const band = bands.find(fits);
    if (band) band.push(i);
    else bands.push([i]);
  });
  const bandOf = new Map<number, number>();
  bands.forEach((band, b) => band.forEach((i) => bandOf.set(i, b)));

  // The arrows closing a circle run through the space below the lower of their two bands: one lane each there.
  const below = bands.map(() => 0);
  const closingLane = new Map<string, { band: number; lane: number }>();
  for (const edge of input.edges) {
    if (!closing.has(edge.id)) continue;
    const band = Math.max(bandOf.get(placed.get(edge.from)!.group)!, bandOf.get(placed.get(edge.to)!.group)!);
    closingLane.set(edge.id, { band, lane: below[band]! });
    below[band]! += 1;
  }

  // The gaps: gap g is left of column g (gap 0 the left margin, the last one the right). Each arrow takes a channel in
  // the gap right of the claim it answers, shared with the other answers to that claim; an arrow closing a circle
  // also takes one in the gap left of its answer.
  const columnCount = Math.max(0, ...input.nodes.map((node) => placed.get(node.id)!.column)) + 1;
  const channels = Array.from({ length: columnCount + 1 }, () => [] as string[]);
  const channelKey = new Map<string, { into: string; out?: string }>();
  for (const edge of input.edges) {
    const into = `into:${edge.to}`;
    const gapRight = channels[placed.get(edge.to)!.column + 1]!;
    if (!gapRight.includes(into)) gapRight.push(into);
    if (closing.has(edge.id)) {
      const out = `out:${edge.id}`;
      channels[placed.get(edge.from)!.column]!.push(out);
      channelKey.set(edge.id, { into, out });
    } else channelKey.set(edge.id, { into });
  }
  const freeWidth = (g: number) => {
    const count = channels[g]!.length;
    const needed = count === 0 ? 0 : (count + 1) * s.edge;
    return g === 0 || g === columnCount ? needed : Math.max(s.gap, needed);
  };
  const columnX: number[] = [];
  let x = s.margin + freeWidth(0) + s.groupPadding;
  const nodeWidth = input.nodes[0]?.width ?? 0;
  for (let c = 0; c < columnCount; c++) {
    columnX.push(x);
    x += nodeWidth + s.groupPadding + (c + 1 < columnCount ? freeWidth(c + 1) + s.groupPadding : 0);
  }
  const width = x + freeWidth(columnCount) + s.margin;
  const channelX = new Map<string, number>();
  channels.forEach((keys, g) => {
    const start = g === 0 ? s.margin : columnX[g - 1]! + nodeWidth + s.groupPadding;
    keys.forEach((key, i) => channelX.set(`${g}:${key}`, start + (i + 1) * s.edge));
  });

  // Places, band by band: a box's rows from its top, each claim at its column.
  const nodes = new Map<string, Rect>();
  const groups = new Map<string, Rect>();
  const bandBottom: number[] = [];
  let y = s.margin;
  bands.forEach((band, b) => {
    for (const i of band) {
      const [first, last] = spans[i]!;
      groups.set(input.groups[i]!.id, {
        x: columnX[first]! - s.groupPadding,
        y,
        width: columnX[last]! + nodeWidth + s.groupPadding - (columnX[first]! - s.groupPadding),
        height: heights[i]!,
      });
      let rowY = y + input.groups[i]!.paddingTop;
      for (const row of rowsOf[i]!) {
        for (const node of row)
          nodes.set(node.box.id, { x: columnX[node.column]!, y: rowY, width: node.box.width, height: node.box.height });
        rowY += Math.max(...row.map((node) => node.box.height)) + s.node;
      }
    }
    bandBottom.push(y + Math.max(...band.map((i) => heights[i]!)));
    y = bandBottom[b]! + s.node + below[b]! * s.edge;
  });
  const height = y - s.node + s.margin;

  const edges = new Map<string, { x: number; y: number }[]>();
  for (const edge of input.edges) {
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    const start = { x: from.x, y: from.y + Math.round(from.height / 2) };
    const end = { x: to.x + to.width, y: to.y + Math.round(to.height / 2) };
    const keys = channelKey.get(edge.id)!;
    const intoX = channelX.get(`${placed.get(edge.to)!.column + 1}:${keys.into}`)!;
    const lane = closingLane.get(edge.id);
    const points = lane
      ? (() => {
          const outX = channelX.get(`${placed.get(edge.from)!.column}:${keys.out}`)!;
          const aroundY = bandBottom[lane.band]! + Math.round(s.node / 2) + lane.lane * s.edge;
          return [start, { x: outX, y: start.y }, { x: outX, y: aroundY }, { x: intoX, y: aroundY }, { x: intoX, y: end.y }, end];
        })()
      : [start, { x: intoX, y: start.y }, { x: intoX, y: end.y }, end];
    edges.set(edge.id, simplify(points));
  }
  return { width, height, nodes, groups, edges };
}

/** Without repeated points, and without the middle one of three on a line. */
function simplify(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const kept: { x: number; y: number }[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last && last.x === point.x && last.y === point.y) continue;
    const before = kept[kept.length - 2];
    if (before && last && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) kept.pop();
    kept.push(point);
  }
  return kept;
}
