import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface BuiltPage {
  /** URL path of the page, e.g. `/articles/x/`. */
  path: string;
  html: string;
  tree: Root;
  /** Every id on the page. */
  ids: Set<string>;
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Reads every HTML page of a built site, keyed by URL path (under `base`). */
export function readBuiltSite(dist: string, base = '/'): Map<string, BuiltPage> {
  const pages = new Map<string, BuiltPage>();
  for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dist, file), 'utf8');
    const tree = fromHtml(html);
    const path = base + file.replace(/index\.html$/, '').replace(/\\/g, '/');
    const ids = new Set(selectAll('[id]', tree).map((el) => String(el.properties.id)));
    pages.set(path, { path, html, tree, ids });
  }
  return pages;
}

/** Text of an element as a reader sees it, without the paragraph numbers and claim numbers the page adds. */
export function readerText(element: Element): string {
  const copy = structuredClone(element);
  for (const added of selectAll('.para-link, .quote-ref', copy)) added.children = [];
  return toString(copy);
}

export { select, selectAll, toString };
