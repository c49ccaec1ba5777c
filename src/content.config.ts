import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesDir } from './node/env.ts';

/**
 * The articles, for rendering their bodies. No schema here: the content gate (integrations/contentCheck.ts)
 * has already checked every file against `schemas/article.ts`, and pages read the checked data from it.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: articlesDir(), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
});

export const collections = { articles };
