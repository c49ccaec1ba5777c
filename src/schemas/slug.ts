import { z } from 'astro/zod';

/** Lower-case words joined by single hyphens: the form of every party and claim id. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a slug: use lower-case letters, digits and single hyphens (e.g. "taliban-administration")`,
  });
