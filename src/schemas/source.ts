import { z } from 'astro/zod';

/** What the source itself says about where the text comes from; leave out whatever it does not give. */
export const sourceSchema = z.strictObject({
  publisher: z.string().trim().min(1).optional(),
  url: z.url().optional(),
  /** Publication date as the source gives it (YYYY-MM-DD). */
  published: z.iso.date().optional(),
  /** When the text was retrieved (YYYY-MM-DD). */
  retrieved: z.iso.date().optional(),
  note: z.string().trim().min(1).optional(),
});

export type Source = z.infer<typeof sourceSchema>;
