import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleSources } from '../../src/node/articleFiles.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../../src/lib/referenceIndex.ts';
import { checkArticles } from '../../src/lib/checkArticles.ts';
import { FIXTURE_SITE, FIXTURE_SITE_DIST, ROOT } from '../support/buildSite.ts';
import { ARTICLES_PER_INDEX_PAGE, PARTIES_PER_INDEX_PAGE } from '../../src/lib/listings.ts';
import { CLAIMS_PER_PARTY_PAGE } from '../../src/lib/partyPages.ts';
import { type BuiltPage, readBuiltSite, readerText, select, selectAll, toString } from '../support/readSite.ts';

let pages: Map<string, BuiltPage>;
let index: ReferenceIndex;

beforeAll(() => {
  pages = readBuiltSite(FIXTURE_SITE_DIST);
  const sources = FIXTURE_SITE.articleDirs.flatMap((dir) => readArticleSources(dir, ROOT).sources);
  index = buildReferenceIndex(checkArticles(sources).articles);
});

function page(path: string): BuiltPage {
  const found = pages.get(path);
  if (!found) throw new Error(`no built page at ${path}; pages: ${[...pages.keys()].join(', ')}`);
  return found;
}

/** Resolves an href found on `from` to a page path and fragment. */
function resolveHref(from: string, href: string): { path: string; fragment: string } {
  const url = new URL(href, `http://site${from}`);
  return { path: url.pathname, fragment: decodeURIComponent(url.hash.slice(1)) };
}

describe('the built site', () => {
  it('has an article page per article, a party page per party, and the index', () => {
    for (const article of index.articles) expect(pages.has(`/articles/${article.slug}/`)).toBe(true);
    let partyPages = 0;
    for (const party of index.parties) {
      const count = Math.ceil(party.claims.length / CLAIMS_PER_PARTY_PAGE);
      partyPages += count;
      for (let n = 1; n <= count; n++) expect(pages.has(n === 1 ? `/parties/${party.id}/` : `/parties/${party.id}/${n}/`)).toBe(true);
    }
    expect(pages.has('/')).toBe(true);
    expect(pages.has('/404.html')).toBe(true);
    expect(pages.has('/articles/')).toBe(true);
    expect(pages.has('/parties/')).toBe(true);
    const indexPages =
      Math.ceil(index.articles.length / ARTICLES_PER_INDEX_PAGE) + Math.ceil(index.parties.length / PARTIES_PER_INDEX_PAGE);
    expect(pages.has('/search/')).toBe(true);
    expect(pages.size).toBe(index.articles.length + partyPages + indexPages + 3);
  });

  it('resolves every internal link and #fragment on every page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [path, built] of pages) {
      for (const link of selectAll('a[href]', built.tree)) {
        const href = String(link.properties.href);
        if (/^[a-z]+:/.test(href)) continue;
        const target = resolveHref(path, href);
        const targetPage = pages.get(target.path);
        checked++;
        if (!target.path.endsWith('/') && existsSync(join(FIXTURE_SITE_DIST, target.path))) continue;
        if (!targetPage) broken.push(`${path}: ${href} (no page)`);
        else if (target.fragment && !targetPage.ids.has(target.fragment)) broken.push(`${path}: ${href} (no #${target.fragment})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('ships no <script> but JSON-LD data (but on /search/)', () => {
    for (const built of [...pages.values()].filter((page) => page.path !== '/search/')) {
      const scripts = selectAll('script', built.tree).filter((el) => el.properties.type !== 'application/ld+json');
      expect(scripts, built.path).toEqual([]);
    }
  });

  it('keeps ids unique on every page', () => {
    for (const built of pages.values()) {
      const ids = selectAll('[id]', built.tree).map((el) => String(el.properties.id));
      expect(ids.length, built.path).toBe(new Set(ids).size);
    }
  });
});

describe('an article page', () => {
  it('renders the seed text word for word, paragraph by paragraph', () => {
    // The source text exactly as received (a copy of the seed), one paragraph per non-empty line.
    const seed = index.articles.find((article) => article.file.startsWith('content/'))!;
    const seedParagraphs = readFileSync(join(ROOT, 'tests/fixtures/sources', `${seed.slug}.txt`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const rendered = selectAll('.article-text [id^="p-"]', page(`/articles/${seed.slug}/`).tree).map(readerText);
    expect(rendered).toEqual(seedParagraphs);
  });

  it('renders every article text as its checked blocks, each with its #p-n permalink', () => {
    for (const article of index.articles) {
      const { tree } = page(`/articles/${article.slug}/`);
      const blocks = selectAll('.article-text [id^="p-"]', tree);
      expect(blocks.map(readerText)).toEqual(article.blocks.map((block) => block.text));
      blocks.forEach((p, i) => {
        expect(p.properties.id).toBe(`p-${i + 1}`);
        expect(select('a.para-link', p)?.properties.href).toBe(`#p-${i + 1}`);
      });
    }
  });

  it('marks every quote and links claim → quote → claim both ways', () => {
    for (const article of index.articles) {
      const { tree } = page(`/articles/${article.slug}/`);
      for (const ref of article.claims) {
        const { id } = ref.claim;
        const words = ref.spans.map((span) => article.blocks[span.block]!.text.slice(span.start, span.end));
        const card = select(`li#claim-${id}`, tree);
        expect(card, `claim ${id}`).toBeTruthy();
        expect(selectAll(`a[href="#quote-${id}"]`, card)).toHaveLength(1);
        const marks = selectAll(`mark.c${ref.number}`, tree);
        expect(marks[0]?.properties.id).toBe(`quote-${id}`);
        expect(marks.map(readerText).join('')).toBe(words.join(''));
        for (const mark of marks) expect(mark.properties.className).toContain(`c${ref.number}`);
        const back = selectAll(`a.quote-ref[href="#claim-${id}"]`, tree);
        expect(back).toHaveLength(ref.spans.length);
        expect(String(back[0]!.properties.ariaLabel)).toMatch(new RegExp(`^Claim ${ref.number}, by `));
      }
    }
  });

  it('numbers claims in reading order and shows the kind, summary, speaker and parties of each', () => {
    for (const article of index.articles) {
      const { tree } = page(`/articles/${article.slug}/`);
      const numbers = selectAll('.article-text a.quote-ref', tree).map((a) => Number(toString(a)));
      expect(new Set(numbers).size).toBe(article.claims.length);
      expect(numbers.length).toBe(article.claims.reduce((sum, ref) => sum + ref.spans.length, 0));
      for (const ref of article.claims) {
        const card = select(`li#claim-${ref.claim.id}`, tree)!;
        const text = toString(card);
        expect(text).toContain(`Claim ${ref.number}`);
        expect(text).toContain(ref.claim.summary);
        expect(text).toContain(ref.claim.kind.replaceAll('-', ' '));
        if (ref.claim.speaker) expect(text).toContain(ref.claim.speaker);
        for (const id of [ref.claim.by, ...ref.claim.about]) expect(select(`a[href="/parties/${id}/"]`, card), id).toBeTruthy();
      }
    }
  });

  it('links each answer to the claim it answers, and back', () => {
    let pairs = 0;
    for (const article of index.articles) {
      const { tree } = page(`/articles/${article.slug}/`);
      for (const ref of article.claims) {
        for (const answered of ref.claim.respondsTo.filter((reference) => !reference.includes('#'))) {
          pairs++;
          expect(select(`li#claim-${ref.claim.id} a[href="#claim-${answered}"]`, tree), `${ref.claim.id} → ${answered}`).toBeTruthy();
          expect(select(`li#claim-${answered} a[href="#claim-${ref.claim.id}"]`, tree), `${answered} ← ${ref.claim.id}`).toBeTruthy();
        }
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('has a party list with anchors and counts, and a who-about-whom matrix whose counts add up', () => {
    for (const article of index.articles) {
      const { tree } = page(`/articles/${article.slug}/`);
      for (const party of article.data.parties) {
        const row = select(`li#party-${party.id}`, tree);
        expect(row, party.id).toBeTruthy();
        expect(select(`a[href="/parties/${party.id}/"]`, row)).toBeTruthy();
      }
      const matrixLinks = selectAll('#matrix td a[href^="#claim-"]', tree);
      const expected = article.claims.reduce((sum, ref) => sum + new Set(ref.claim.about).size, 0);
      expect(matrixLinks).toHaveLength(expected);
    }
  });

  it('keeps the spaces between inline elements written on separate lines', () => {
    const seed = index.articles.find((article) => article.file.startsWith('content/'))!;
    const text = toString(select('main', page(`/articles/${seed.slug}/`).tree)!).replace(/\s+/g, ' ');
    expect(text).toContain(`${seed.data.parties.length} parties in all, ${seed.blocks.length} blocks of text.`);
    expect(text).toContain('Taliban administration (speaker: the Taliban spokesperson)');
    expect(text).toMatch(/internal affairs — paragraph 1/);
  });

  it('puts no space before a comma or semicolon in what the pages add around the text', () => {
    for (const [path, { tree }] of pages) {
      const body = structuredClone(select('body', tree)!);
      for (const text of selectAll('.article-text', body)) text.children = [];
      const stray = toString(body)
        .replace(/\s+/g, ' ')
        .match(/.{0,30}\S\s[,;].{0,10}/g);
      expect(stray, path).toBeNull();
    }
  });

  it('says the page records claims, not whether they are true', () => {
    for (const article of index.articles) {
      expect(toString(select('.notice', page(`/articles/${article.slug}/`).tree)!)).toMatch(/does not say whether any claim is true/);
    }
  });
});

describe('party pages', () => {
  it('list every claim a party makes and every claim about it, linking back to each claim', () => {
    for (const entry of index.parties) {
      const links = new Set(
        [...pages.values()]
          .filter((built) => built.path.startsWith(`/parties/${entry.id}/`))
          .flatMap((built) => selectAll('a[href^="/articles/"]', built.tree).map((a) => String(a.properties.href))),
      );
      for (const ref of [...entry.claimsBy, ...entry.claimsAbout]) {
        expect(links.has(`/articles/${ref.articleSlug}/#claim-${ref.claim.id}`), `${entry.id}: ${ref.claim.id}`).toBe(true);
      }
    }
  });

  it('merge a party shared by two articles into one page', () => {
    const shared = index.parties.filter((entry) => entry.appearances.length > 1);
    expect(shared.map((entry) => entry.id)).toContain('pakistan');
    const { tree } = page('/parties/pakistan/');
    const articlesLinked = new Set(selectAll('a[href*="#claim-"]', tree).map((a) => String(a.properties.href).split('#')[0]));
    expect(articlesLinked.size).toBe(index.partyById.get('pakistan')!.appearances.length);
  });
});

describe('the published content', () => {
  it('does not include the test-only fixture article', () => {
    const published = readdirSync(join(ROOT, 'content/articles'));
    for (const fixture of readdirSync(join(ROOT, 'tests/fixtures/articles'))) expect(published).not.toContain(fixture);
  });
});
