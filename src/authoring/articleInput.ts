import { textBlocks } from '../lib/articleText.ts';
import type { ArticleSource } from '../lib/checkArticles.ts';
import { type Claim, claimSchema } from '../schemas/claim.ts';
import { type Party, partySchema } from '../schemas/party.ts';
import { AuthoringError } from './errors.ts';
import type { SuggestInput } from './suggest.ts';

/** The entries of a frontmatter list that are well-formed (a draft may have some half-written). */
function entries<T>(list: unknown, schema: { safeParse: (value: unknown) => { success: boolean; data?: T } }): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data as T] : [];
  });
}

/** What the suggester needs from an article read from disk, and the parties of the site's other articles. */
export function suggestInput(source: ArticleSource, others: readonly ArticleSource[], options: { fresh?: boolean } = {}): SuggestInput {
  let blocks;
  try {
    blocks = textBlocks(source.body);
  } catch (error) {
    throw new AuthoringError(`${source.file}: the text cannot be read (${(error as Error).message}); run npm run check:content`);
  }
  if (blocks.length === 0) throw new AuthoringError(`${source.file} has no text to suggest claims for`);
  const data = (typeof source.data === 'object' && source.data !== null ? source.data : {}) as Record<string, unknown>;
  const publisher = (data.source as { publisher?: unknown } | undefined)?.publisher;
  return {
    slug: source.slug,
    blocks,
    parties: options.fresh ? [] : entries<Party>(data.parties, partySchema),
    claims: options.fresh ? [] : entries<Claim>(data.claims, claimSchema),
    publisher: typeof publisher === 'string' ? publisher : undefined,
    otherParties: others
      .filter((other) => other.slug !== source.slug)
      .flatMap((other) =>
        entries<Party>((other.data as { parties?: unknown } | null)?.parties, partySchema).map((party) => ({ article: other.slug, party })),
      ),
  };
}
