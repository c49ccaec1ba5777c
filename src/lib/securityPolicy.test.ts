import { describe, expect, it } from 'vitest';
import { cspHeaderValue, headersFile } from './securityPolicy.ts';

/** A rule of `_headers`: its path pattern (`*` matches anything, slashes included) and its lines in order. */
interface Rule {
  path: string;
  lines: string[];
}

function rules(file: string): Rule[] {
  const out: Rule[] = [];
  for (const raw of file.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('/')) out.push({ path: line, lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}

const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

/**
 * Netlify, as its parser reads the file (netlify/build, packages/headers-parser/src/line_parser.ts): a line
 * without a colon is skipped, not an error; the rules matching a path are merged in file order, a later
 * rule's value of a header replacing an earlier one's (netlify/primitives, packages/headers, headersForPath).
 */
function netlify(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules(file).filter((rule) => matches(rule.path, path))) {
    const values: Record<string, string> = {};
    for (const line of rule.lines) {
      if (!line.includes(':')) continue;
      const [name, ...value] = line.split(':');
      if (name!.trim() === '' || value.join(':').trim() === '') throw new Error(`Netlify refuses the line "${line}"`);
      values[name!.trim()] = values[name!.trim()] ? `${values[name!.trim()]}, ${value.join(':').trim()}` : value.join(':').trim();
    }
    Object.assign(headers, values);
  }
  return headers;
}

/**
 * Cloudflare Pages (developers.cloudflare.com/pages/configuration/headers): every matching rule applies, in
 * file order; a header set twice is joined with a comma; `! Name` detaches what earlier rules set.
 */
function cloudflare(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules(file).filter((rule) => matches(rule.path, path))) {
    for (const line of rule.lines) {
      if (line.startsWith('!')) {
        delete headers[line.slice(1).trim()];
        continue;
      }
      const at = line.indexOf(':');
      const [name, value] = [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  }
  return headers;
}

describe('headersFile', () => {
  for (const [host, read] of [
    ['Netlify', netlify],
    ['Cloudflare Pages', cloudflare],
  ] as const) {
    for (const base of ['/', '/deep/sub-path/']) {
      it(`gives ${host} the search page's policy alone on ${base}search/, and the site's elsewhere`, () => {
        const file = headersFile(base);
        expect(read(file, `${base}search/`)['Content-Security-Policy']).toBe(cspHeaderValue('search'));
        expect(read(file, `${base}articles/some-article/`)['Content-Security-Policy']).toBe(cspHeaderValue());
        expect(read(file, `${base}`)['Content-Security-Policy']).toBe(cspHeaderValue());
        expect(read(file, `${base}search/`)['X-Content-Type-Options']).toBe('nosniff');
      });
    }
  }

  it('detaches the site-wide policy on a line Netlify skips (no colon) before the search rule sets its own', () => {
    const search = rules(headersFile('/')).find((rule) => rule.path === '/search/')!;
    expect(search.lines[0]).toBe('! Content-Security-Policy');
    expect(search.lines[0]).not.toContain(':');
    // The search rule comes after the site-wide one: both hosts apply rules in file order.
    expect(rules(headersFile('/')).map((rule) => rule.path)).toEqual(['/*', '/search/']);
  });
});
