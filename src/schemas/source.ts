import { z } from 'astro/zod';
import { isoDate } from './date.ts';

/** What the source itself says about where the text comes from; leave out whatever it does not give. */
export const sourceSchema = z.strictObject({
  publisher: z.string().trim().min(1).optional(),
  url: z.url().optional(),
  /** Publication date as the source gives it (YYYY-MM-DD). */
  published: isoDate.optional(),
  /** When the text was retrieved (YYYY-MM-DD). */
  retrieved: isoDate.optional(),
  note: z.string().trim().min(1).optional(),
  /** True when the copy of the text is incomplete: the page then says the text ends where the copy ends. */
  truncated: z.boolean().optional(),
});

export type Source = z.infer<typeof sourceSchema>;
