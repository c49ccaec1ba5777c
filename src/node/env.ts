/**
 * Astro's cache folder, relative to the project root; it also keeps the social images already drawn.
 * Tests and benchmarks that build several sites give each its own with STANDPOINT_CACHE_DIR.
 */
export const CACHE_DIR = process.env.STANDPOINT_CACHE_DIR || './node_modules/.astro';
