import type { ArticleData, Claim, Party } from '../schemas/article.ts';
import { parseClaimReference } from '../schemas/slug.ts';
import type { TextBlock } from './articleText.ts';
import type { TextSpan } from './quoteAnchors.ts';
import type { CheckedArticle } from './checkArticles.ts';

/** A claim in context: its article, its number in reading order (from 1) and where its quote's spans are. */
export interface ClaimRef {
  articleSlug: string;
  articleTitle: string;
  claim: Claim;
  number: number;
  /** The quote's spans in reading order; the first is where the claim stands in the text. */
  spans: TextSpan[];
  /** The parties it names, resolved as its article defines them. */
  claimant: Party;
  about: Party[];
  reporter?: Party;
  /** The party the claimant speaks for, when it is a person or office that does. */
  speaksFor?: Party;
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
  /** Every block of the text, in reading order: block n (from 1) is `#p-n`. */
  blocks: TextBlock[];
  /** Every claim, in the order its quote appears in the text. */
  claims: ClaimRef[];
  claimById: Map<string, ClaimRef>;
  /** The parties as this article names and describes them. */
  partyById: Map<string, Party>;
  /** Parties that make claims, in the order of their first claim, each with its claims. */
  claimsByParty: Map<string, ClaimRef[]>;
  claimsAboutParty: Map<string, ClaimRef[]>;
  /** For each claim id, the claims it answers (in other articles too, once the whole index is built). */
  answers: Map<string, ClaimRef[]>;
  /** For each claim id, the claims that answer it (from other articles too, once the whole index is built). */
  answeredBy: Map<string, ClaimRef[]>;
  /** For each block index, the claims with a span of their quote in it. */
  claimsInBlock: Map<number, ClaimRef[]>;
  matrix: ClaimMatrix;
}

/** How one article presents a party: its name, description and aliases there. */
export interface PartyAppearance {
  articleSlug: string;
  articleTitle: string;
  party: Party;
}

/** The parts a party plays in one claim. `through` names the person or office that spoke for it. */
export interface PartyRoles {
  by: boolean;
  about: boolean;
  reported: boolean;
  through?: Party;
}

/** A claim as listed on a party's page: once, with every role the party plays in it. */
export interface PartyClaim {
  ref: ClaimRef;
  roles: PartyRoles;
}

/** A party across every article that defines it. */
export interface PartyEntry {
  id: string;
  /** The name most articles use (the first article's on a tie), and its kind. */
  name: string;
  kind: Party['kind'];
  /** Each article's own view of the party, in the index's article order. */
  appearances: PartyAppearance[];
  appearanceBySlug: Map<string, PartyAppearance>;
  /** Claims it makes, itself or through a party that speaks for it. */
  claimsBy: ClaimRef[];
  claimsAbout: ClaimRef[];
  /** Second-hand claims this party reports. */
  claimsReported: ClaimRef[];
  /** Every claim it plays a part in, once each, by article then reading order. */
  claims: PartyClaim[];
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

/** Reading order: by block, then start; a longer span before one it encloses. */
function compareSpans(a: TextSpan, b: TextSpan): number {
  return a.block - b.block || a.start - b.start || b.end - a.end;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes one checked article; the cost is linear in its claims and parties. Answers across articles wait for the whole index. */
export function indexArticle(article: CheckedArticle): IndexedArticle {
  const { data, quoteSpans } = article;
  const partyById = new Map(data.parties.map((party) => [party.id, party]));
  const claims = data.claims
    .map((claim, order) => ({ claim, order, spans: quoteSpans.get(claim.id)! }))
    .sort((a, b) => compareSpans(a.spans[0]!, b.spans[0]!) || a.order - b.order)
    .map(({ claim, spans }, index): ClaimRef => {
      const claimant = partyById.get(claim.by)!;
      const speaksFor = claimant.speaksFor ? partyById.get(claimant.speaksFor) : undefined;
      const reporter = claim.reportedBy ? partyById.get(claim.reportedBy) : undefined;
      return {
        articleSlug: article.slug,
        articleTitle: data.title,
        claim,
        number: index + 1,
        spans,
        claimant,
        about: [...new Set(claim.about)].map((id) => partyById.get(id)!),
        ...(reporter ? { reporter } : {}),
        ...(speaksFor ? { speaksFor } : {}),
      };
    });

  const claimById = new Map<string, ClaimRef>();
  const claimsByParty = new Map<string, ClaimRef[]>();
  const claimsAboutParty = new Map<string, ClaimRef[]>();
  const claimsInBlock = new Map<number, ClaimRef[]>();
  const cells = new Map<string, ClaimRef[]>();
  const concernedIds = new Set<string>();

  for (const ref of claims) {
    const { claim } = ref;
    claimById.set(claim.id, ref);
    push(claimsByParty, claim.by, ref);
    for (const block of new Set(ref.spans.map((span) => span.block))) push(claimsInBlock, block, ref);
    for (const id of new Set(claim.about)) {
      push(claimsAboutParty, id, ref);
      push(cells, matrixKey(claim.by, id), ref);
      concernedIds.add(id);
    }
  }

  const answers = new Map<string, ClaimRef[]>();
  const answeredBy = new Map<string, ClaimRef[]>();
  for (const ref of claims) {
    for (const reference of ref.claim.respondsTo) {
      const target = parseClaimReference(reference);
      if (target.article !== undefined && target.article !== article.slug) continue;
      const answered = claimById.get(target.claim);
      if (!answered) continue;
      push(answers, ref.claim.id, answered);
      push(answeredBy, answered.claim.id, ref);
    }
  }

  const claimants = [...claimsByParty.keys()].map((id) => partyById.get(id)!);
  const concerned = data.parties.filter((party) => concernedIds.has(party.id));

  return {
    slug: article.slug,
    file: article.file,
    data,
    blocks: article.blocks,
    claims,
    claimById,
    partyById,
    claimsByParty,
    claimsAboutParty,
    answers,
    answeredBy,
    claimsInBlock,
    matrix: { claimants, concerned, cells },
  };
}

/** Links answers to claims of other articles, both ways. */
function linkAnswersAcrossArticles(articles: readonly IndexedArticle[], articleBySlug: Map<string, IndexedArticle>): void {
  for (const article of articles) {
    for (const ref of article.claims) {
      for (const reference of ref.claim.respondsTo) {
        const target = parseClaimReference(reference);
        if (target.article === undefined || target.article === article.slug) continue;
        const other = articleBySlug.get(target.article);
        const answered = other?.claimById.get(target.claim);
        if (!other || !answered) continue;
        push(article.answers, ref.claim.id, answered);
        push(other.answeredBy, answered.claim.id, ref);
      }
    }
  }
}

/** The name most appearances use; the first one's on a tie. */
function commonName(appearances: readonly PartyAppearance[]): string {
  const counts = new Map<string, number>();
  for (const { party } of appearances) counts.set(party.name, (counts.get(party.name) ?? 0) + 1);
  let best = appearances[0]!.party.name;
  for (const [name, count] of counts) if (count > counts.get(best)!) best = name;
  return best;
}

/** Builds the whole cross-reference index once: articles, and every party merged across articles. */
export function buildReferenceIndex(checked: readonly CheckedArticle[]): ReferenceIndex {
  const articles = checked.map(indexArticle).sort((a, b) => a.data.title.localeCompare(b.data.title, 'en') || a.slug.localeCompare(b.slug));
  const articleBySlug = new Map(articles.map((article) => [article.slug, article]));
  linkAnswersAcrossArticles(articles, articleBySlug);

  const partyById = new Map<string, PartyEntry>();
  for (const article of articles) {
    const roles = new Map<string, Map<ClaimRef, PartyRoles>>();
    const role = (partyId: string, ref: ClaimRef): PartyRoles => {
      let byClaim = roles.get(partyId);
      if (!byClaim) roles.set(partyId, (byClaim = new Map<ClaimRef, PartyRoles>()));
      let found = byClaim.get(ref);
      if (!found) byClaim.set(ref, (found = { by: false, about: false, reported: false }));
      return found;
    };
    for (const ref of article.claims) {
      const { claim } = ref;
      role(claim.by, ref).by = true;
      const speaker = article.partyById.get(claim.by)!;
      if (speaker.speaksFor) Object.assign(role(speaker.speaksFor, ref), { by: true, through: speaker });
      for (const id of claim.about) role(id, ref).about = true;
      if (claim.reportedBy) role(claim.reportedBy, ref).reported = true;
    }

    for (const party of article.data.parties) {
      let entry = partyById.get(party.id);
      if (!entry) {
        entry = {
          id: party.id,
          name: party.name,
          kind: party.kind,
          appearances: [],
          appearanceBySlug: new Map(),
          claimsBy: [],
          claimsAbout: [],
          claimsReported: [],
          claims: [],
        };
        partyById.set(party.id, entry);
      }
      const appearance = { articleSlug: article.slug, articleTitle: article.data.title, party };
      entry.appearances.push(appearance);
      entry.appearanceBySlug.set(article.slug, appearance);
      // Map order is insertion order: the article's claims in reading order.
      for (const [ref, played] of roles.get(party.id) ?? []) {
        entry.claims.push({ ref, roles: played });
        if (played.by) entry.claimsBy.push(ref);
        if (played.about) entry.claimsAbout.push(ref);
        if (played.reported) entry.claimsReported.push(ref);
      }
    }
  }
  for (const entry of partyById.values()) entry.name = commonName(entry.appearances);

  const parties = [...partyById.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  return { articles, articleBySlug, parties, partyById };
}
