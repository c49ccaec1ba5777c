// Prints the weight of each built article page: HTML and the CSS it links, raw and gzip, and the requests a browser makes for it.
// Usage: npm run build && npm run weight [-- dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageWeight } from '../src/node/pageWeight.ts';

const dist = process.argv[2] ?? 'dist';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

for (const slug of readdirSync(join(dist, 'articles'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)) {
  const html = readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
  const base = /<link rel="canonical" href="[^"]*?:\/\/[^/]+([^"]*?)articles\//.exec(html)?.[1] ?? '/';
  const w = pageWeight(dist, `/articles/${slug}/`, { base });
  const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].length;
  console.log(`/articles/${slug}/`);
  console.log(`  HTML ${kb(w.html.raw)} raw, ${kb(w.html.gzip)} gzip`);
  console.log(`  CSS  ${kb(w.css.raw)} raw, ${kb(w.css.gzip)} gzip (${w.css.files} file(s))`);
  console.log(`  JS   ${kb(w.js.raw)} (${scripts} script element(s) besides JSON-LD)`);
  console.log(
    `  HTML + CSS gzip: ${kb(w.html.gzip + w.css.gzip)}; requests: ${w.requests} (HTML, ${w.css.files} stylesheet(s), ${w.js.files} script(s), ${w.other} other)`,
  );
}
