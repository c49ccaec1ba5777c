import { z } from 'astro/zod';
import { isoDate } from './date.ts';
import { text } from './text.ts';

/** What the source itself says about where the text comes from; leave out whatever it does not give. */
export const sourceSchema = z.strictObject({
  publisher: text(200).optional(),
  /** Only a web address: `http:` or `https:`. */
  url: z.url({ protocol: /^https?$/, error: (issue) => `${JSON.stringify(issue.input)} is not an http: or https: address` }).optional(),
  /** Publication date as the source gives it (YYYY-MM-DD). */
  published: isoDate.optional(),
  /** When the text was retrieved (YYYY-MM-DD). */
  retrieved: isoDate.optional(),
  note: text(2000).optional(),
  /** True when the copy of the text is incomplete: the page then says the text ends where the copy ends. */
  truncated: z.boolean().optional(),
});

export type Source = z.infer<typeof sourceSchema>;
