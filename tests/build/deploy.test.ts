import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHeaderValue, cspMetaValue } from '../../src/lib/securityPolicy.ts';
import { type BuildResult, buildSite, FIXTURE_SITE } from '../support/buildSite.ts';
import { listFiles } from '../support/readSite.ts';
import { serveStatic, type StaticSite } from '../support/serveStatic.ts';
import { envFor } from '../../src/node/env.ts';

const BASE = '/deep/sub-path/';
const SITE_URL = 'https://standpoint.example';
const PUBLIC_ROOT = `${SITE_URL}${BASE}`;

let build: BuildResult;
let server: StaticSite;

beforeAll(async () => {
  build = await buildSite({ ...FIXTURE_SITE, name: 'subpath', env: envFor({ basePath: BASE, siteUrl: SITE_URL }) });
  if (build.code !== 0) throw new Error(build.output);
  server = await serveStatic(build.outDir, BASE);
});

afterAll(() => server?.close());

interface Reference {
  from: string;
  url: string;
}

/** Every URL a document points to, whatever its type, as absolute URLs. */
function referencesOf(url: string, type: string, body: string): { refs: string[]; ids: Set<string> } {
  const refs: string[] = [];
  const ids = new Set<string>();
  if (type.includes('html')) {
    const tree = fromHtml(body);
    for (const el of selectAll('[id]', tree)) ids.add(String(el.properties.id));
    for (const el of selectAll('a[href], link[href]', tree)) refs.push(String(el.properties.href));
    for (const el of selectAll('form[action]', tree)) refs.push(String(el.properties.action));
    for (const el of selectAll('img[src]', tree)) refs.push(String(el.properties.src));
    for (const el of selectAll('meta[property^="og:"], meta[name^="twitter:"]', tree)) {
      const content = String(el.properties.content ?? '');
      if (/^https?:\/\//.test(content)) refs.push(content);
    }
    for (const el of selectAll('script[type="application/ld+json"]', tree)) collectJsonUrls(JSON.parse(toString(el)), refs);
  } else if (type.includes('json')) {
    collectJsonUrls(JSON.parse(body), refs);
  } else if (type.includes('xml')) {
    for (const match of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) refs.push(match[1]!);
  } else if (url.endsWith('robots.txt')) {
    for (const match of body.matchAll(/^Sitemap: (\S+)$/gm)) refs.push(match[1]!);
  }
  return { refs: refs.map((ref) => new URL(ref, url).href), ids };
}

function collectJsonUrls(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((item) => collectJsonUrls(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && /^(url|data|@id|next|prev)$/.test(key) && /^https?:/.test(item)) out.push(item);
      else collectJsonUrls(item, out);
    }
  }
}

describe(`the site built under ${BASE} and served on 127.0.0.1`, () => {
  it('has no broken link, asset or #fragment anywhere, from the index, robots.txt and the sitemap', async () => {
    const local = (url: string) => url.replace(PUBLIC_ROOT, server.url);
    const queue: Reference[] = ['', 'robots.txt', 'sitemap-index.xml', 'rss.xml'].map((path) => ({
      from: '(start)',
      url: server.url + path,
    }));
    const seen = new Map<string, { status: number; ids: Set<string> }>();
    const fragments: Array<Reference & { page: string; fragment: string }> = [];
    const broken: string[] = [];
    let external = 0;

    while (queue.length > 0) {
      const { from, url } = queue.shift()!;
      const target = new URL(local(url));
      if (target.origin !== new URL(server.url).origin) {
        external++;
        continue;
      }
      const page = target.origin + target.pathname;
      if (target.hash) fragments.push({ from, url, page, fragment: decodeURIComponent(target.hash.slice(1)) });
      if (seen.has(page)) continue;
      const response = await fetch(page);
      const body = await response.text();
      const { refs, ids } = response.ok
        ? referencesOf(page, response.headers.get('content-type') ?? '', body)
        : { refs: [], ids: new Set<string>() };
      seen.set(page, { status: response.status, ids });
      if (!response.ok) broken.push(`${from} → ${url}: HTTP ${response.status}`);
      for (const ref of refs) queue.push({ from: page, url: ref });
    }
    for (const { from, url, page, fragment } of fragments) {
      if (seen.get(page)?.status === 200 && !seen.get(page)!.ids.has(fragment)) broken.push(`${from} → ${url}: no #${fragment}`);
    }

    console.log(
      `crawl under ${BASE}: ${seen.size} URLs fetched, ${fragments.length} fragment links checked, ${external} external links skipped`,
    );
    expect(broken).toEqual([]);
    // Every file a host would serve was reached (the 404 page and _headers are not linked; the search page's
    // script loads Pagefind's index, tests/browser/search.test.ts).
    const reached = new Set([...seen.keys()].map((url) => url.slice(server.url.length).replace(/(^|\/)$/, '$1index.html')));
    const builtFiles = listFiles(build.outDir).filter(
      (file) => !file.startsWith('_') && file !== '404.html' && !file.startsWith('pagefind/'),
    );
    expect(builtFiles.filter((file) => !reached.has(file))).toEqual([]);
  });

  it('serves its 404 page, with working links, for a missing page', async () => {
    const response = await fetch(`${server.url}no-such-page/`);
    expect(response.status).toBe(404);
    const tree = fromHtml(await response.text());
    expect(toString(select('h1', tree)!)).toBe('Page not found');
    expect(select('a[href="/deep/sub-path/"]', tree)).toBeTruthy();
  });

  it('gives every page a canonical URL, a title, a description and social tags with an image for articles', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html') && f !== '404.html')) {
      const tree = fromHtml(readFileSync(join(build.outDir, file), 'utf8'));
      const canonical = String(select('link[rel="canonical"]', tree)?.properties.href);
      expect(canonical).toBe(PUBLIC_ROOT + file.replace(/index\.html$/, ''));
      expect(toString(select('title', tree)!)).not.toBe('');
      expect(select('meta[name="description"]', tree)?.properties.content).toBeTruthy();
      expect(select('meta[property="og:title"]', tree)).toBeTruthy();
      expect(select('meta[name="twitter:card"]', tree)).toBeTruthy();
      // An article page, not a page of the article index.
      if (/^articles\/(?!page\/)[^/]+\/index\.html$/.test(file)) {
        const image = String(select('meta[property="og:image"]', tree)?.properties.content);
        expect(image).toMatch(new RegExp(`^${PUBLIC_ROOT}social/[a-z0-9-]+\\.png$`));
        const png = readFileSync(join(build.outDir, image.slice(PUBLIC_ROOT.length)));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(1200);
        expect(png.readUInt32BE(20)).toBe(630);
      }
    }
  });

  it('publishes JSON-LD: the article with only the source facts it has, and each claim as a schema.org Claim', () => {
    const file = listFiles(build.outDir).find((f) => f.startsWith('articles/pakistan-') && f.endsWith('index.html'))!;
    const tree = fromHtml(readFileSync(join(build.outDir, file), 'utf8'));
    const scripts = selectAll('script[type="application/ld+json"]', tree).map((el) => JSON.parse(toString(el)));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]['@context']).toBe('https://schema.org');
    const [article, ...nodes] = scripts[0]['@graph'];
    const pageUrl = `${PUBLIC_ROOT}articles/pakistan-rejects-taliban-interference-accusation/`;
    expect(article).toEqual({
      '@type': 'NewsArticle',
      '@id': pageUrl,
      headline: 'Pakistan rejects Taliban accusation of interference in Afghanistan',
      url: pageUrl,
    });
    const byId = new Map<string, { name?: string }>(nodes.map((node: { '@id': string; name?: string }) => [node['@id'], node]));
    const claims = nodes.filter((node: { '@type': string }) => node['@type'] === 'Claim');
    expect(claims.length).toBeGreaterThan(20);
    for (const claim of claims) {
      // Every reference resolves to a node of the graph: the author and the parties are described once.
      expect(byId.get(claim.author['@id'])?.name, claim['@id']).toBeTruthy();
      for (const about of claim.about) expect(byId.get(about['@id']), claim['@id']).toBeTruthy();
      expect(claim['@id'].startsWith(`${pageUrl}#claim-`)).toBe(true);
    }
  });
});

describe('open data', () => {
  const readJson = (path: string) => JSON.parse(readFileSync(join(build.outDir, path), 'utf8'));

  it('validates every data file against the JSON Schema the site publishes, following the index pages', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const format of ['uri', 'date']) ajv.addFormat(format, true);
    const validateArticleIndex = ajv.compile(readJson('schemas/article-index.schema.json'));
    const validatePartyIndex = ajv.compile(readJson('schemas/party-index.schema.json'));
    const validateArticle = ajv.compile(readJson('schemas/article.schema.json'));
    /** Every page of a paged index, from its first, by `next`. */
    const walk = (first: string) => {
      const pages = [readJson(first)];
      while (pages.at(-1).next) pages.push(readJson(new URL(pages.at(-1).next).pathname.slice(BASE.length)));
      return pages;
    };
    const articlePages = walk('articles/index.json');
    for (const page of articlePages) expect(validateArticleIndex(page), JSON.stringify(validateArticleIndex.errors)).toBe(true);
    const articles = articlePages.flatMap((page) => page.articles);
    expect(articles.length).toBe(readdirSync(build.articlesDir).length);
    expect(articlePages[0].total).toBe(articles.length);
    const partyPages = walk('parties/index.json');
    for (const page of partyPages) expect(validatePartyIndex(page), JSON.stringify(validatePartyIndex.errors)).toBe(true);
    expect(partyPages.flatMap((page) => page.parties).length).toBe(partyPages[0].total);
    for (const entry of articles) {
      const data = readJson(`articles/${entry.slug}.json`);
      expect(validateArticle(data), JSON.stringify(validateArticle.errors)).toBe(true);
      for (const claim of data.claims) {
        expect(claim.spans.map((span: { start: number; end: number }) => data.text.slice(span.start, span.end))).toEqual(claim.quote);
      }
      for (const block of data.blocks) expect(data.text.slice(block.start, block.end)).not.toContain('\n\n');
    }
    const broken = { ...readJson(`articles/${articles[0].slug}.json`), format: 'other' };
    expect(validateArticle(broken)).toBe(false);
  });

  it('publishes a frontmatter JSON Schema that accepts the real frontmatter and rejects a broken one', async () => {
    const { readArticleSources } = await import('../../src/node/articleFiles.ts');
    const ajv = new Ajv2020({ strict: false });
    for (const format of ['uri', 'date']) ajv.addFormat(format, true);
    const validate = ajv.compile(readJson('schemas/frontmatter.schema.json'));
    const { sources } = readArticleSources(build.articlesDir);
    // An editor's YAML tool reads an unquoted date as the string it is written as.
    const asWritten = (value: unknown): unknown =>
      value instanceof Date
        ? value.toISOString().slice(0, 10)
        : Array.isArray(value)
          ? value.map(asWritten)
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asWritten(v)]))
            : value;
    for (const source of sources) expect(validate(asWritten(source.data)), `${source.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    const data = structuredClone(sources[0]!.data) as { claims: Array<{ kind: string }> };
    data.claims[0]!.kind = 'shout';
    expect(validate(data)).toBe(false);
  });

  it('has an RSS feed whose items link to the article pages under the base path', () => {
    const rss = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((m) => m[1]);
    expect(links).toHaveLength(readdirSync(build.articlesDir).length);
    for (const link of links) expect(link).toMatch(new RegExp(`^${PUBLIC_ROOT}articles/[a-z0-9-]+/$`));
    // A date only where the source gives one: none for the seed, the source's own for an article that has it.
    const items = [...rss.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
    expect(items.find((item) => item.includes('/pakistan-rejects-taliban-interference-accusation/'))).not.toContain('<pubDate>');
    expect(items.find((item) => item.includes('/veloria-accuses-kestran-of-dam-diversion/'))).toContain(
      '<pubDate>Fri, 14 Mar 2025 00:00:00 GMT</pubDate>',
    );
  });
});

describe('Content-Security-Policy', () => {
  it('is in every page as a meta tag and in _headers, and allows everything the pages use', () => {
    expect(readFileSync(join(build.outDir, '_headers'), 'utf8')).toContain(`Content-Security-Policy: ${cspHeaderValue()}`);
    expect(cspHeaderValue()).not.toContain('unsafe-inline');
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      const tree = fromHtml(readFileSync(join(build.outDir, file), 'utf8'));
      // /search/ alone runs script (its own module and Pagefind's, tests/browser/search.test.ts).
      const search = file === 'search/index.html';
      expect(select('meta[http-equiv="content-security-policy"]', tree)?.properties.content, file).toBe(
        cspMetaValue(search ? 'search' : 'site'),
      );
      // script-src 'none' and style-src 'self': no executable script, no inline style, no foreign stylesheet or image.
      const scripts = selectAll('script', tree).filter((el) => el.properties.type !== 'application/ld+json');
      if (search) for (const script of scripts) expect(String(script.properties.src)).toMatch(/^\/deep\/sub-path\/_astro\/[^/]+\.js$/);
      else expect(scripts, file).toEqual([]);
      expect(selectAll('style, [style]', tree), file).toEqual([]);
      for (const link of selectAll('link[rel="stylesheet"]', tree)) expect(String(link.properties.href)).toMatch(/^\/deep\/sub-path\//);
      for (const img of selectAll('img', tree)) expect(String(img.properties.src)).toMatch(/^\/deep\/sub-path\//);
    }
  });
});

describe('reproducible builds', () => {
  it('builds the same commit twice into byte-identical output', async () => {
    const second = await buildSite({ ...FIXTURE_SITE, name: 'subpath-again', env: envFor({ basePath: BASE, siteUrl: SITE_URL }) });
    expect(second.code).toBe(0);
    const files = listFiles(build.outDir).sort();
    expect(listFiles(second.outDir).sort()).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(build.outDir, file)).equals(readFileSync(join(second.outDir, file))));
    expect(differing).toEqual([]);
  });
});
