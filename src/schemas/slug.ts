import { z } from 'astro/zod';

/** Lower-case words joined by single hyphens: the form of every party and claim id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_SOURCE = SLUG_PATTERN.source.slice(1, -1);
/** A claim id, or `<article-slug>#<claim-id>` for a claim of another article. */
export const CLAIM_REFERENCE_PATTERN = new RegExp(`^(?:${SLUG_SOURCE}#)?${SLUG_SOURCE}$`);

/** Ids and slugs are at most this long, so that every page's path fits every file system. */
export const MAX_SLUG_LENGTH = 100;

export const slug = z
  .string()
  .max(MAX_SLUG_LENGTH, { error: `at most ${MAX_SLUG_LENGTH} characters, so that every page's path fits every file system` })
  .regex(SLUG_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a slug${foreignCharacter(String(issue.input))}: use lower-case letters, digits and single hyphens (e.g. "taliban-administration")`,
  });

/** The first character of an id outside a–z, 0–9 and "-" that looks like one (a Cyrillic "о", a capital): named, so the message is not "velоria" next to "veloria". */
function foreignCharacter(value: string): string {
  const at = [...value].findIndex((char) => !/[a-z0-9-]/.test(char));
  if (at === -1) return '';
  const char = [...value][at]!;
  if (/[\s!-~]/.test(char) && !/[A-Z]/.test(char)) return '';
  return ` (character ${at + 1} is U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, not a lower-case a–z)`;
}

export const claimReference = z
  .string()
  .max(2 * MAX_SLUG_LENGTH + 1)
  .regex(CLAIM_REFERENCE_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is neither a claim id nor "<article-slug>#<claim-id>" (lower-case letters, digits and single hyphens)`,
  });

/** Splits a claim reference into the article it names (undefined: this article) and the claim id. */
export function parseClaimReference(reference: string): { article?: string; claim: string } {
  const at = reference.indexOf('#');
  return at === -1 ? { claim: reference } : { article: reference.slice(0, at), claim: reference.slice(at + 1) };
}
