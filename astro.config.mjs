// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { contentCheck } from './src/integrations/contentCheck.ts';
import { rehypeClaimMarks } from './src/lib/rehypeClaimMarks.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Tests and benchmarks build several sites side by side, each with its own content cache.
  cacheDir: process.env.STANDPOINT_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // gfm: false because remark-gfm is passed once explicitly; smartypants off: the text stays verbatim.
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeClaimMarks] }),
  },
  integrations: [contentCheck(), mdx()],
});
