// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { claimTargetsStyles } from './src/integrations/claimTargetsStyles.ts';
import { contentCheck } from './src/integrations/contentCheck.ts';
import { search } from './src/integrations/search.ts';
import { securityHeaders } from './src/integrations/securityHeaders.ts';
import { env } from './src/node/env.ts';
import { lookupArticle } from './src/site/contentGate.ts';
import { MARKDOWN_SETTINGS, articleProcessor } from './src/site/articleMarkdown.ts';
import { sitePaths } from './src/lib/urls.ts';

// Where the site is served: SITE_URL is its origin (with any path), BASE_PATH the folder under it.
const { siteUrl: site, basePath: base } = env;
// STANDPOINT_MARKDOWN=satteri builds with Astro's default Sätteri processor instead of unified + remark-gfm
// (benchmark only: Sätteri runs no rehype plugins, so the quotes are not marked in the article text).
const satteri = env.markdown === 'satteri';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Tests and benchmarks build several sites side by side, each with its own content cache.
  cacheDir: env.cacheDir,
  // concurrency: social images rasterise off the main thread (resvg's renderAsync) while other pages render.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Lossless whitespace compression: Astro 7's default ('jsx') drops the spaces between inline elements
  // written on separate lines, which glued words together in the claim cards.
  compressHTML: true,
  // Scoped styles mark elements with a short class rather than a data attribute: lighter pages.
  scopedStyleStrategy: 'class',
  vite: {
    // One stylesheet for the whole site: one request per page, cached across pages.
    build: { cssCodeSplit: false },
    // `npm run dev` watches the project; the benchmark's corpora and builds (bench/.work) and the tests' builds
    // (tests/.output) are tens of thousands of files, enough to exhaust the system's file watchers (ENOSPC).
    server: { watch: { ignored: ['**/bench/.work/**', '**/tests/.output/**'] } },
  },
  markdown: {
    ...MARKDOWN_SETTINGS,
    // unified() with remark-gfm and the claim marks (src/site/articleMarkdown.ts), which the content check also
    // renders the bodies with, on its threads.
    ...(satteri ? {} : { processor: articleProcessor({ lookup: lookupArticle, paths: sitePaths(base) }) }),
  },
  integrations: [contentCheck(), claimTargetsStyles(), mdx(), sitemap(), securityHeaders(), search()],
  // A rebuild reuses the pages of the last build (kept in cacheDir) when no article and no template
  // changed: every prerendered route returns the content gate's digest as its cacheKey.
  experimental: { incrementalBuild: true },
});
