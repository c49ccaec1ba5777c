import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesDir } from './lib/articleFiles.ts';
import { articleSchema } from './schemas/article.ts';

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: articlesDir(), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: articleSchema,
});

export const collections = { articles };
