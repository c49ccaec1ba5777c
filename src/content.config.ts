import { defineCollection } from 'astro:content';
import { articleLoader } from './site/articleLoader.ts';

/**
 * The articles, for rendering their bodies. No schema here: the content gate (integrations/contentCheck.ts)
 * has already checked every file against `schemas/article.ts`, and pages read the checked data from it;
 * the loader renders what the gate published.
 */
const articles = defineCollection({ loader: articleLoader() });

export const collections = { articles };
