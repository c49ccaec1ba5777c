/**
 * The exchange as a map: who answers whom, laid out at build time (`exchangeLayout.ts`).
 *
 * From an article (or a party's claims across articles) this builds a graph of the claims that take
 * part in an exchange (each answers another claim or is answered by one), grouped by the party that
 * makes them, with one edge per `respondsTo` pair pointing from the answer to the claim it answers.
 * It is laid out in columns, a claim left of its answers, each party's claims in one box. The result
 * is plain data (integer coordinates, everything in a fixed order), so two builds draw the same SVG.
 */
import type { ClaimRef, IndexedArticle, PartyClaim } from './referenceIndex.ts';
import { answerLookup, type AnswerLookup, collect, nodeKey } from './exchangeClaims.ts';
import { claimAnchor, type SitePaths } from './urls.ts';
import { LAYOUT_SPACING, layOutExchange } from './exchangeLayout.ts';

export interface Point {
  x: number;
  y: number;
}

/** A claim drawn as a box: its place, its link, and its text already cut into lines. */
export interface ExchangeNode {
  /** `<article slug>#<claim id>`: unique across articles. */
  id: string;
  articleSlug: string;
  articleTitle: string;
  claimId: string;
  number: number;
  kind: string;
  summary: string;
  /** The party whose box it stands in (the claimant). */
  groupId: string;
  /** On the page the map is drawn on (its link is a fragment), or in another article. */
  local: boolean;
  href: string;
  /** The first line: "3 · accuse". */
  heading: string;
  /** The article it is in, shortened, when the map spans articles; else undefined. */
  articleLine?: string;
  /** The summary cut into lines that fit the box; the last ends in "…" when cut. */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A party's box around its claims. */
export interface ExchangeGroup {
  /** The claimant's party id. */
  id: string;
  label: string;
  /** The label cut to the box's width: a long one takes two lines. */
  labelLines: string[];
  nodeIds: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One `respondsTo` pair: from the answer to the claim it answers, as a polyline. */
export interface ExchangeEdge {
  id: string;
  from: string;
  to: string;
  points: Point[];
}

/** A link in the text alternative. */
export interface ExchangeLink {
  href: string;
  label: string;
  local: boolean;
}

/** The same exchange as a nested list: party → claim → what it answers and what answers it. */
export interface ExchangeListGroup {
  id: string;
  label: string;
  claims: { node: ExchangeNode; label: string; answers: ExchangeLink[]; answeredBy: ExchangeLink[] }[];
}

export interface ExchangeMap {
  width: number;
  height: number;
  nodes: ExchangeNode[];
  groups: ExchangeGroup[];
  edges: ExchangeEdge[];
  list: ExchangeListGroup[];
  /** Claims of the article (or the party's claims) that answer none and are answered by none: not drawn. */
  notInExchange: number;
  /** Answers left out to keep the map bounded (party pages of very talkative parties). */
  omittedEdges: number;
}

/** Box and type metrics, in px. The text is never measured: the lines are cut by a cautious width per character. */
export const MAP_METRICS = {
  nodeWidth: 208,
  padding: 8,
  lineHeight: 15,
  headingHeight: 16,
  fontSize: 12,
  /** A generous average advance of a 12 px sans-serif character, so that a line never overflows its box. */
  charWidth: 6.6,
  /** No summary in the boxes: it is in the list, the notes and the claim cards, and the page has a weight budget. */
  maxSummaryLines: 0,
  groupPaddingTop: 30,
  groupPadding: LAYOUT_SPACING.groupPadding,
  /** A generous average advance of a 13 px bold character. */
  groupLabelCharWidth: 7.8,
  groupLabelLineHeight: 16,
  margin: LAYOUT_SPACING.margin,
} as const;

/**
 * At most this many claims in one map; answers past it are counted in `omittedEdges` (and the claims list
 * them): a map of a very talkative party's exchanges stays readable, and its page bounded.
 */
export const MAX_MAP_NODES = 40;

/** Cuts text into at most `maxLines` lines of at most `maxChars`, by words; a word longer than a line is split. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let cut = false;
  for (let word of words) {
    while (word.length > maxChars) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, maxChars - 1) + '-');
      word = word.slice(maxChars - 1);
    }
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    cut = true;
  }
  if (cut) {
    let last = lines[maxLines - 1]!;
    while (last.length + 1 > maxChars && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
    if (last.length + 1 > maxChars) last = last.slice(0, maxChars - 1);
    lines[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  return lines;
}

/** A title cut to `maxChars` with "…", by words. */
function shorten(text: string, maxChars: number): string {
  return wrapText(text, maxChars, 1)[0] ?? '';
}

interface GraphInput {
  /** Claims to draw, each once, in the order they are to be read. */
  refs: ClaimRef[];
  /** Answer → answered pairs, by node key. */
  pairs: [string, string][];
  /** The article the map is drawn on, if any: its claims link by fragment. */
  pageSlug?: string;
  paths: Pick<SitePaths, 'claimOnArticle'>;
  notInExchange: number;
  omittedEdges: number;
}

const groupLabel = (ref: ClaimRef) => (ref.speaksFor ? `${ref.claimant.name}, for ${ref.speaksFor.name}` : ref.claimant.name);
const kindWords = (kind: string) => kind.replaceAll('-', ' ');

/** Lays the graph out and returns it as plain, integer, ordered data. */
function layOut(input: GraphInput): ExchangeMap {
  const m = MAP_METRICS;
  const { refs, pairs, pageSlug, paths } = input;
  const spansArticles = new Set(refs.map((ref) => ref.articleSlug)).size > 1 || refs.some((ref) => ref.articleSlug !== pageSlug);
  const maxChars = Math.floor((m.nodeWidth - 2 * m.padding) / m.charWidth);

  const nodes: ExchangeNode[] = refs.map((ref) => {
    const local = ref.articleSlug === pageSlug;
    const articleLine = spansArticles && !local ? `in “${shorten(ref.articleTitle, maxChars - 5)}”` : undefined;
    // The summary is in the list, the notes and the cards: the box names the claim, its number and kind.
    const lines = m.maxSummaryLines > 0 ? wrapText(ref.claim.summary, maxChars, m.maxSummaryLines) : [];
    const textLines = lines.length + (articleLine ? 1 : 0);
    return {
      id: nodeKey(ref),
      articleSlug: ref.articleSlug,
      articleTitle: ref.articleTitle,
      claimId: ref.claim.id,
      number: ref.number,
      kind: ref.claim.kind,
      summary: ref.claim.summary,
      groupId: ref.claim.by,
      local,
      href: local ? `#${claimAnchor(ref.claim.id)}` : paths.claimOnArticle(ref.articleSlug, ref.claim.id),
      heading: `${ref.number} · ${kindWords(ref.claim.kind)}`,
      ...(articleLine ? { articleLine } : {}),
      lines,
      x: 0,
      y: 0,
      width: m.nodeWidth,
      height: 2 * m.padding + m.headingHeight + textLines * m.lineHeight,
    };
  });
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const refById = new Map(refs.map((ref) => [nodeKey(ref), ref]));

  // Parties in the order of their first claim; the first claim's article names the party.
  const groups: ExchangeGroup[] = [];
  const groupById = new Map<string, ExchangeGroup>();
  for (const node of nodes) {
    let group = groupById.get(node.groupId);
    if (!group) {
      const label = groupLabel(refById.get(node.id)!);
      const labelLines = wrapText(label, Math.floor(m.nodeWidth / m.groupLabelCharWidth), 2);
      group = { id: node.groupId, label, labelLines, nodeIds: [], x: 0, y: 0, width: 0, height: 0 };
      groups.push(group);
      groupById.set(group.id, group);
    }
    group.nodeIds.push(node.id);
  }

  const edges: ExchangeEdge[] = pairs.map(([from, to]) => ({ id: `${from}->${to}`, from, to, points: [] }));

  const laid = layOutExchange({
    nodes,
    groups: groups.map((group) => ({
      id: group.id,
      paddingTop: m.groupPaddingTop + (group.labelLines.length - 1) * m.groupLabelLineHeight,
      nodeIds: group.nodeIds,
    })),
    edges,
  });
  for (const node of nodes) Object.assign(node, laid.nodes.get(node.id));
  for (const group of groups) Object.assign(group, laid.groups.get(group.id));
  for (const edge of edges) edge.points = laid.edges.get(edge.id)!;

  const linkTo = (node: ExchangeNode): ExchangeLink => {
    const ref = refById.get(node.id)!;
    const where = node.local ? '' : ` in “${node.articleTitle}”`;
    return { href: node.href, label: `claim ${node.number} (${ref.claimant.name}, ${kindWords(node.kind)})${where}`, local: node.local };
  };
  const list: ExchangeListGroup[] = groups.map((group) => ({
    id: group.id,
    label: group.label,
    claims: group.nodeIds.map((id) => {
      const node = nodeById.get(id)!;
      return {
        node,
        label: `Claim ${node.number} (${kindWords(node.kind)})${node.local ? '' : ` in “${node.articleTitle}”`}`,
        answers: edges.filter((edge) => edge.from === id).map((edge) => linkTo(nodeById.get(edge.to)!)),
        answeredBy: edges.filter((edge) => edge.to === id).map((edge) => linkTo(nodeById.get(edge.from)!)),
      };
    }),
  }));

  return {
    width: laid.width,
    height: laid.height,
    nodes,
    groups,
    edges,
    list,
    notInExchange: input.notInExchange,
    omittedEdges: input.omittedEdges,
  };
}

export interface ExchangeOptions {
  /** At most this many claims (default `MAX_MAP_NODES`). */
  maxNodes?: number;
}

/**
 * The map of one article's exchange: every claim of the article that answers another or is answered
 * (in this article or another), and the claims of other articles it answers or is answered by.
 * Claims with no answer either way are not drawn (`notInExchange` counts them); an article without
 * any answer has an empty map.
 */
export function articleExchange(
  article: IndexedArticle,
  paths: Pick<SitePaths, 'claimOnArticle'>,
  options: ExchangeOptions = {},
): ExchangeMap {
  const lookup: AnswerLookup = {
    answers: (ref) => (ref.articleSlug === article.slug ? (article.answers.get(ref.claim.id) ?? []) : []),
    answeredBy: (ref) => (ref.articleSlug === article.slug ? (article.answeredBy.get(ref.claim.id) ?? []) : []),
  };
  const collected = collect(article.claims, lookup, article.slug, options.maxNodes ?? MAX_MAP_NODES);
  return layOut({ ...collected, pageSlug: article.slug, paths });
}

/**
 * The map of a party's exchanges across articles: the claims it makes (itself or through a person
 * or office speaking for it) among `claims` (a party page's claims), what they answer and what
 * answers them. Every node links to its article's page.
 */
export function partyExchange(
  claims: readonly PartyClaim[],
  articleBySlug: ReadonlyMap<string, IndexedArticle>,
  paths: Pick<SitePaths, 'claimOnArticle'>,
  options: ExchangeOptions = {},
): ExchangeMap {
  const made = claims.filter((claim) => claim.roles.by).map((claim) => claim.ref);
  const collected = collect(made, answerLookup(articleBySlug), undefined, options.maxNodes ?? MAX_MAP_NODES);
  return layOut({ ...collected, paths });
}
