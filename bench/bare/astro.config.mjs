// @ts-check
// Benchmark peer: Astro with MDX and nothing else. Articles are read from BENCH_ARTICLES.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  cacheDir: process.env.BENCH_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
});
