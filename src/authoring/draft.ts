import { stringify } from 'yaml';
import { RESERVED_SLUGS } from '../lib/listings.ts';
import { SLUG_PATTERN } from '../schemas/slug.ts';
import type { Source } from '../schemas/source.ts';
import { AuthoringError } from './errors.ts';

export const MAX_SLUG_LENGTH = 80;

/** Lower-case words joined by hyphens, at most 80 characters, cut at a word; accents dropped. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/** Ids are at most 100 characters (the schema's limit), cut at a hyphen. */
export const MAX_ID_LENGTH = 100;

export function capId(id: string, room = 0): string {
  const max = MAX_ID_LENGTH - room;
  if (id.length <= max) return id;
  const cut = id.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : id.slice(0, max)).replace(/-+$/, '');
}

/** Checks an article slug given or made: a slug, not reserved for the site's own pages. */
export function checkArticleSlug(slug: string, from: string): string {
  if (!slug) throw new AuthoringError(`${from} has no letters or digits to make a file name from; pass --slug <lower-case-words>`);
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    throw new AuthoringError(
      `"${slug}" is not a slug: use lower-case letters, digits and single hyphens, at most ${MAX_SLUG_LENGTH} characters`,
    );
  }
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) {
    throw new AuthoringError(
      `"${slug}" is a name the site keeps for its own pages (${RESERVED_SLUGS.join(', ')}); pass --slug with a few words of the headline`,
    );
  }
  return slug;
}

/**
 * Whether a line reads as a headline: one line of 2 to 25 words, at most 200 characters, not ending like a
 * sentence of running text (a full stop, comma, colon or semicolon) and not opening with a quotation mark.
 */
export function readsAsHeadline(line: string): boolean {
  const text = line.trim();
  if (!text || text.includes('\n') || text.length > 200) return false;
  const words = text.split(/\s+/).length;
  if (words < 2 || words > 25) return false;
  if (/[.,;:]$/.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  if (/^[“"‘'«([-]/.test(text)) return false;
  return /\p{L}/u.test(text);
}

export interface Draft {
  title: string;
  source: Source;
  /** The MDX body, already escaped and verified. */
  body: string;
}

/** The text of a draft article file: `draft: true`, the title, the source facts found, no parties or claims yet. */
export function draftFile(draft: Draft): string {
  const source = Object.fromEntries(Object.entries(draft.source).filter(([, value]) => value !== undefined));
  const frontmatter = stringify(
    { draft: true, title: draft.title, source, parties: [], claims: [] },
    { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
  );
  return `---\n${frontmatter}---\n\n${draft.body}`;
}
