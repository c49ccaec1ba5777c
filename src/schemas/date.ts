import { z } from 'astro/zod';

/**
 * A calendar date, `YYYY-MM-DD`. YAML reads an unquoted date (`published: 2023-01-05`) as a Date,
 * which is how every editor writes it: it is accepted and kept as the same `YYYY-MM-DD` string.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: (issue) => `${JSON.stringify(issue.input)} is not a date written YYYY-MM-DD` }),
);
