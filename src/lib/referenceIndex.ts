import type { ArticleData, Claim, Party } from '../schemas/article.ts';
import type { QuoteAnchor } from './quoteAnchors.ts';
import type { CheckedArticle } from './validateArticles.ts';

/** A claim in context: its article, its number in reading order (from 1) and where its quote is. */
export interface ClaimRef {
  articleSlug: string;
  articleTitle: string;
  claim: Claim;
  number: number;
  anchor: QuoteAnchor;
}

/** Who claims what about whom, as a grid: claimants down, parties concerned across. */
export interface ClaimMatrix {
  claimants: Party[];
  concerned: Party[];
  /** Claims by `row` about `column`, keyed by `matrixKey(row, column)`. */
  cells: Map<string, ClaimRef[]>;
}

export interface IndexedArticle {
  slug: string;
  file: string;
  data: ArticleData;
  paragraphs: string[];
  /** Every claim, in the order its quote appears in the text. */
  claims: ClaimRef[];
  claimById: Map<string, ClaimRef>;
  partyById: Map<string, Party>;
  /** Parties that make claims, in the order of their first claim, each with its claims. */
  claimsByParty: Map<string, ClaimRef[]>;
  claimsAboutParty: Map<string, ClaimRef[]>;
  /** For each claim id, the claims that answer it. */
  answeredBy: Map<string, ClaimRef[]>;
  /** For each paragraph index, the claims whose quote lies in it. */
  claimsInParagraph: Map<number, ClaimRef[]>;
  matrix: ClaimMatrix;
}

/** A party across every article that defines it. */
export interface PartyEntry {
  id: string;
  party: Party;
  /** Every alias any article gives it. */
  aliases: string[];
  articleSlugs: string[];
  claimsBy: ClaimRef[];
  claimsAbout: ClaimRef[];
  /** Second-hand claims this party reports. */
  claimsReported: ClaimRef[];
}

export interface ReferenceIndex {
  /** Articles sorted by title. */
  articles: IndexedArticle[];
  articleBySlug: Map<string, IndexedArticle>;
  /** Parties sorted by name. */
  parties: PartyEntry[];
  partyById: Map<string, PartyEntry>;
}

export function matrixKey(claimantId: string, concernedId: string): string {
  return `${claimantId}\u0000${concernedId}`;
}

/** Claims in reading order: by paragraph, then start; a longer quote before one it encloses. */
function compareAnchors(a: QuoteAnchor, b: QuoteAnchor): number {
  return a.paragraph - b.paragraph || a.start - b.start || b.end - a.end;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes one checked article; the cost is linear in its claims and parties. */
export function indexArticle(article: CheckedArticle): IndexedArticle {
  const { data, anchors } = article;
  const partyById = new Map(data.parties.map((party) => [party.id, party]));
  const claims = data.claims
    .map((claim, order) => ({ claim, order, anchor: anchors.get(claim.id)! }))
    .sort((a, b) => compareAnchors(a.anchor, b.anchor) || a.order - b.order)
    .map(({ claim, anchor }, index): ClaimRef => ({
      articleSlug: article.slug,
      articleTitle: data.title,
      claim,
      number: index + 1,
      anchor,
    }));

  const claimById = new Map<string, ClaimRef>();
  const claimsByParty = new Map<string, ClaimRef[]>();
  const claimsAboutParty = new Map<string, ClaimRef[]>();
  const answeredBy = new Map<string, ClaimRef[]>();
  const claimsInParagraph = new Map<number, ClaimRef[]>();
  const cells = new Map<string, ClaimRef[]>();
  const concernedIds = new Set<string>();

  for (const ref of claims) {
    const { claim } = ref;
    claimById.set(claim.id, ref);
    push(claimsByParty, claim.by, ref);
    push(claimsInParagraph, ref.anchor.paragraph, ref);
    for (const id of new Set(claim.about)) {
      push(claimsAboutParty, id, ref);
      push(cells, matrixKey(claim.by, id), ref);
      concernedIds.add(id);
    }
    for (const id of claim.respondsTo) push(answeredBy, id, ref);
  }

  const claimants = [...claimsByParty.keys()].map((id) => partyById.get(id)!);
  const concerned = data.parties.filter((party) => concernedIds.has(party.id));

  return {
    slug: article.slug,
    file: article.file,
    data,
    paragraphs: article.paragraphs,
    claims,
    claimById,
    partyById,
    claimsByParty,
    claimsAboutParty,
    answeredBy,
    claimsInParagraph,
    matrix: { claimants, concerned, cells },
  };
}

/** Builds the whole cross-reference index once: articles, and every party merged across articles. */
export function buildReferenceIndex(checked: readonly CheckedArticle[]): ReferenceIndex {
  const articles = checked.map(indexArticle).sort((a, b) => a.data.title.localeCompare(b.data.title, 'en') || a.slug.localeCompare(b.slug));
  const partyById = new Map<string, PartyEntry>();

  for (const article of articles) {
    for (const party of article.data.parties) {
      let entry = partyById.get(party.id);
      if (!entry) {
        entry = { id: party.id, party, aliases: [], articleSlugs: [], claimsBy: [], claimsAbout: [], claimsReported: [] };
        partyById.set(party.id, entry);
      }
      entry.articleSlugs.push(article.slug);
      for (const alias of party.aliases) if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
      entry.claimsBy.push(...(article.claimsByParty.get(party.id) ?? []));
      entry.claimsAbout.push(...(article.claimsAboutParty.get(party.id) ?? []));
    }
    for (const ref of article.claims) {
      if (ref.claim.reportedBy) partyById.get(ref.claim.reportedBy)?.claimsReported.push(ref);
    }
  }

  const parties = [...partyById.values()].sort((a, b) => a.party.name.localeCompare(b.party.name, 'en') || a.id.localeCompare(b.id));
  return {
    articles,
    articleBySlug: new Map(articles.map((article) => [article.slug, article])),
    parties,
    partyById,
  };
}
