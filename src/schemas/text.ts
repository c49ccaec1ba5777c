import { z } from 'astro/zod';

/**
 * Control characters other than tab and line breaks, and the bidirectional embeddings and overrides
 * (U+202A–U+202E): never part of a text a reader is meant to see. An override turns the rest of its
 * paragraph round on the page (claim numbers, names), so a text could show other words than it holds.
 * The isolates (U+2066–U+2069) and the direction marks (U+200E, U+200F), which right-to-left text
 * legitimately uses and which stop at their paragraph's end, are allowed.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E]/;

/** A character a reader sees: not a space, not an invisible format character (zero-width, direction marks, soft hyphen). */
const VISIBLE = /[^\s\p{Cf}]/u;

/** `U+0007` for a character, as a message names it. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where a control character is in `value`, as words for a message; undefined when there is none. */
export function controlCharacter(value: string): string | undefined {
  const match = CONTROL.exec(value);
  if (!match) return undefined;
  const kind = /[\u202A-\u202E]/.test(match[0]) ? 'a text-direction override' : 'a control character';
  return `${kind} (${codePoint(match[0])}) at character ${match.index + 1}`;
}

/** A trimmed, non-empty text of at most `max` characters, with no control character. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max, { error: `at most ${max} characters` })
    .refine((value) => !CONTROL.test(value), { error: (issue) => `has ${controlCharacter(String(issue.input))}; remove it` })
    .refine((value) => value === '' || VISIBLE.test(value), {
      error: 'has no visible character, only spaces and invisible ones (zero-width, direction marks); write the words',
    });
}
