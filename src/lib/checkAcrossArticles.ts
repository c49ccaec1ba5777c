import type { Party } from '../schemas/article.ts';
import { parseClaimReference } from '../schemas/slug.ts';
import type { ArticleSource, CheckedArticle } from './checkArticles.ts';
import { claimEntry, type ContentIssue, partyEntry, showValue } from './contentIssues.ts';

// The checks that need every article at once; each article passed its own checks before.

/**
 * A party id defined in two articles must mean the same party: the same kind (each article may use its
 * own name for it). Unnamed sources are never one party across articles, so their id may not repeat.
 */
export function checkSharedParties(articles: readonly CheckedArticle[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const firstDefinition = new Map<string, { party: Party; file: string }>();
  for (const article of articles) {
    article.data.parties.forEach((party, index) => {
      const first = firstDefinition.get(party.id);
      if (!first) {
        firstDefinition.set(party.id, { party, file: article.file });
        return;
      }
      const entry = partyEntry(party, index);
      if (party.kind === 'unnamed-sources' || first.party.kind === 'unnamed-sources') {
        issues.push({
          severity: 'error',
          file: article.file,
          entry,
          message: `unnamed sources "${party.id}" are also defined in ${first.file}; unnamed sources of two articles are never known to be the same`,
          fix: `give them an id unique to this article, e.g. "${article.slug}-${party.id}"`,
        });
      } else if (first.party.kind !== party.kind) {
        issues.push({
          severity: 'error',
          file: article.file,
          entry,
          message: `kind: ${showValue(party.kind)} differs from ${showValue(first.party.kind)} for the same party id in ${first.file}`,
          fix: 'one id is one party: use the same kind in both articles, or give the parties different ids',
        });
      }
    });
  }
  return issues;
}

/** `respondsTo: ["<article-slug>#<claim-id>"]` must name an article of the site and a claim of it. */
export function checkAnswersAcrossArticles(articles: readonly CheckedArticle[], sources: readonly ArticleSource[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const known = new Map(sources.map((source) => [source.slug, source.file]));
  const claimIds = new Map(articles.map((article) => [article.slug, new Set(article.data.claims.map((claim) => claim.id))]));
  for (const article of articles) {
    article.data.claims.forEach((claim, index) => {
      claim.respondsTo.forEach((reference, i) => {
        const target = parseClaimReference(reference);
        if (target.article === undefined || target.article === article.slug) return;
        const entry = claimEntry(claim, index);
        if (!known.has(target.article)) {
          issues.push({
            severity: 'error',
            file: article.file,
            entry,
            message: `respondsTo[${i}]: "${reference}" names the article "${target.article}", which is not in the content`,
            fix: 'use the file name (without .mdx) of an article in the content folder, then # and the claim id',
          });
        } else if (claimIds.has(target.article) && !claimIds.get(target.article)!.has(target.claim)) {
          issues.push({
            severity: 'error',
            file: article.file,
            entry,
            message: `respondsTo[${i}]: "${reference}": ${known.get(target.article)} has no claim "${target.claim}"`,
            fix: `use the id of a claim in ${known.get(target.article)}`,
          });
        }
      });
    });
  }
  return issues;
}
