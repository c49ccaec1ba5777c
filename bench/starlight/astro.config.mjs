// @ts-check
// Benchmark peer: Starlight with its defaults. Articles are read from BENCH_ARTICLES.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  cacheDir: process.env.BENCH_CACHE_DIR || './node_modules/.astro',
  integrations: [starlight({ title: 'Standpoint benchmark' })],
});
