import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Starlight's docs collection, read from BENCH_ARTICLES instead of src/content/docs.
const docs = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: process.env.BENCH_ARTICLES || 'articles',
    generateId: ({ entry }) => `articles/${entry.replace(/\.mdx$/, '')}`,
  }),
  schema: docsSchema(),
});

export const collections = { docs };
