// Prints the weight of each built article page: HTML and the CSS it links, raw and gzip, and the requests a browser makes for it.
// Usage: npm run build && npm run weight [-- dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (data: Buffer) => gzipSync(data, { level: 9 }).length;

for (const slug of readdirSync(join(dist, 'articles'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)) {
  const html = readFileSync(join(dist, 'articles', slug, 'index.html'));
  const base = /<link rel="canonical" href="[^"]*?:\/\/[^/]+([^"]*?)articles\//.exec(html.toString())?.[1] ?? '/';
  const cssFiles = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!.slice(base.length));
  const scripts = [...html.toString().matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/g)].length;
  const icons = [...html.toString().matchAll(/<link rel="icon"/g)].length;
  const css = cssFiles.map((file) => readFileSync(join(dist, file)));
  const cssRaw = css.reduce((sum, data) => sum + data.length, 0);
  const cssGzip = css.reduce((sum, data) => sum + gz(data), 0);
  console.log(`/articles/${slug}/`);
  console.log(`  HTML ${kb(html.length)} raw, ${kb(gz(html))} gzip`);
  console.log(`  CSS  ${kb(cssRaw)} raw, ${kb(cssGzip)} gzip (${css.length} file(s))`);
  console.log(`  JS   0 KB (${scripts} script element(s) besides JSON-LD)`);
  console.log(
    `  HTML + CSS gzip: ${kb(gz(html) + cssGzip)}; requests: ${1 + css.length + icons} (HTML, ${css.length} stylesheet(s), ${icons} icon(s))`,
  );
}
