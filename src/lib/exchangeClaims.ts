/**
 * Which claims take part in an exchange: from some claims (an article's, or those a party makes), the
 * claims they answer and that answer them, wherever those are, as answer pairs in a fixed reading order.
 * `exchangeMap.ts` lays the result out.
 */
import type { ClaimRef, IndexedArticle } from './referenceIndex.ts';

/** A claim's key across articles: `<article slug>#<claim id>`. */
export const nodeKey = (ref: ClaimRef) => `${ref.articleSlug}#${ref.claim.id}`;

/** Where a claim is answered and what it answers, wherever its article is. */
export interface AnswerLookup {
  answers(ref: ClaimRef): readonly ClaimRef[];
  answeredBy(ref: ClaimRef): readonly ClaimRef[];
}

/** Looks answers up in the article each claim belongs to. */
export function answerLookup(articleBySlug: ReadonlyMap<string, IndexedArticle>): AnswerLookup {
  return {
    answers: (ref) => articleBySlug.get(ref.articleSlug)?.answers.get(ref.claim.id) ?? [],
    answeredBy: (ref) => articleBySlug.get(ref.articleSlug)?.answeredBy.get(ref.claim.id) ?? [],
  };
}

/** Reading order across articles: the page's own article first, then by slug, then claim number. */
function compareRefs(pageSlug: string | undefined) {
  return (a: ClaimRef, b: ClaimRef) =>
    Number(a.articleSlug !== pageSlug) - Number(b.articleSlug !== pageSlug) ||
    (a.articleSlug < b.articleSlug ? -1 : a.articleSlug > b.articleSlug ? 1 : 0) ||
    a.number - b.number;
}

/** Collects the answer pairs around some claims, in a fixed order, stopping at `maxNodes` claims. */
export function collect(seeds: readonly ClaimRef[], lookup: AnswerLookup, pageSlug: string | undefined, maxNodes: number) {
  const refs = new Map<string, ClaimRef>();
  const pairs = new Map<string, [string, string]>();
  let omittedEdges = 0;
  let inExchange = 0;
  const addPair = (answer: ClaimRef, answered: ClaimRef) => {
    const key = `${nodeKey(answer)}->${nodeKey(answered)}`;
    if (pairs.has(key)) return;
    const missing = [answer, answered].filter((ref) => !refs.has(nodeKey(ref))).length;
    if (refs.size + missing > maxNodes) {
      omittedEdges++;
      return;
    }
    refs.set(nodeKey(answer), answer);
    refs.set(nodeKey(answered), answered);
    pairs.set(key, [nodeKey(answer), nodeKey(answered)]);
  };
  const order = compareRefs(pageSlug);
  for (const seed of seeds) {
    const answers = [...lookup.answers(seed)].sort(order);
    const answeredBy = [...lookup.answeredBy(seed)].sort(order);
    if (answers.length + answeredBy.length === 0) continue;
    inExchange++;
    for (const answered of answers) addPair(seed, answered);
    for (const answer of answeredBy) addPair(answer, seed);
  }
  const sortedRefs = [...refs.values()].sort(order);
  const position = new Map(sortedRefs.map((ref, i) => [nodeKey(ref), i]));
  const sortedPairs = [...pairs.values()].sort(
    (a, b) => position.get(a[1])! - position.get(b[1])! || position.get(a[0])! - position.get(b[0])!,
  );
  return { refs: sortedRefs, pairs: sortedPairs, omittedEdges, notInExchange: seeds.length - inExchange };
}
