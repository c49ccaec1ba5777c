import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticleSources } from '../../src/node/articleFiles.ts';
import { buildReferenceIndex, type IndexedArticle, type ReferenceIndex } from '../../src/lib/referenceIndex.ts';
import { checkArticles } from '../../src/lib/checkArticles.ts';
import { FIXTURE_SITE, FIXTURE_SITE_DIST, ROOT } from '../support/buildSite.ts';
import { type BuiltPage, readBuiltSite, readerText, select, selectAll, toString } from '../support/readSite.ts';

// The four articles of tests/fixtures/real-articles: invented news texts with the shapes real articles have.
const ACCUSATION = 'veloria-accuses-kestran-of-dam-diversion';
const REJECTION = 'kestran-rejects-velorian-dam-claims';
const FIGURES = 'sarne-basin-commission-flow-figures';
const TALKS = 'halden-dam-talks-open-in-lessa';

let pages: Map<string, BuiltPage>;
let index: ReferenceIndex;

beforeAll(() => {
  pages = readBuiltSite(FIXTURE_SITE_DIST);
  index = buildReferenceIndex(checkArticles(FIXTURE_SITE.articleDirs.flatMap((dir) => readArticleSources(dir, ROOT).sources)).articles);
});

const article = (slug: string): IndexedArticle => index.articleBySlug.get(slug)!;
const tree = (path: string) => {
  const built = pages.get(path);
  if (!built) throw new Error(`no page ${path}`);
  return built.tree;
};
const articleTree = (slug: string) => tree(`/articles/${slug}/`);
/** The marks of a claim: every piece carries the class of its number. */
const marksOf = (slug: string, id: string) => `mark.c${article(slug).claimById.get(id)!.number}`;
/** Every page of a party, the paginated ones too, as one text. */
const partyText = (id: string) =>
  [...pages.values()]
    .filter((built) => built.path.startsWith(`/parties/${id}/`))
    .map((built) => toString(select('main', built.tree)!).replace(/\s+/g, ' '))
    .join('\n');

/** The element that carries block n's anchor, and the element type each block type renders as. */
const blockElement = (slug: string, n: number) => select(`.article-text #p-${n}`, articleTree(slug))!;
const RENDERED_AS = { paragraph: /^p$/, heading: /^h[3-6]$/, 'list-item': /^(span|p)$/, blockquote: /^p$/, cell: /^t[dh]$/ };

describe('every block of a real article', () => {
  it('renders word for word as its block, typed by the element it is, with its permalink', () => {
    let seen = 0;
    for (const slug of [ACCUSATION, REJECTION, FIGURES, TALKS]) {
      article(slug).blocks.forEach((block, i) => {
        const element = blockElement(slug, i + 1);
        expect(element, `${slug} block ${i + 1}`).toBeTruthy();
        expect(readerText(element)).toBe(block.text);
        expect(element.tagName, `${slug} block ${i + 1} (${block.type})`).toMatch(RENDERED_AS[block.type]);
        expect(select('a.para-link', element)?.properties.href).toBe(`#p-${i + 1}`);
        seen++;
      });
    }
    const types = new Set([ACCUSATION, REJECTION, FIGURES, TALKS].flatMap((slug) => article(slug).blocks.map((block) => block.type)));
    expect([...types].sort()).toEqual(['blockquote', 'cell', 'heading', 'list-item', 'paragraph']);
    expect(seen).toBeGreaterThan(50);
  });

  it('puts list items in their lists, nested ones too, and block quote paragraphs in the block quote', () => {
    const text = articleTree(REJECTION);
    expect(selectAll('.article-text ul ul > li > span[id^="p-"]', text).length).toBeGreaterThan(0);
    expect(selectAll('.article-text blockquote > p[id^="p-"]', text).length).toBeGreaterThanOrEqual(2);
    expect(selectAll('.article-text table td[id^="p-"]', articleTree(FIGURES)).length).toBeGreaterThan(0);
  });

  it('sets the article’s own headings under the page’s “The text”, one level down, with ids that cannot collide', () => {
    const page = articleTree(ACCUSATION);
    const headings = selectAll('h1, h2, h3, h4, h5, h6', page).map((h) => `${h.tagName}:${readerText(h).trim()}`);
    const text = headings.indexOf('h2:The text');
    expect(text).toBeGreaterThan(-1);
    const own = headings.slice(
      text + 1,
      headings.findIndex((h, i) => i > text && h.startsWith('h2:')),
    );
    expect(own).toEqual([
      'h3:A river that feeds two countries',
      'h4:Tarsk threatens to cut power exports',
      'h3:Orvell says the gates will reopen “within weeks”',
    ]);
    for (const heading of selectAll('.article-text :is(h3, h4, h5, h6)', page)) expect(String(heading.properties.id)).toMatch(/^p-\d+$/);
  });

  it('lets a line break inside a paragraph read as a space in a quote', () => {
    const marks = selectAll(marksOf(ACCUSATION, 'kestran-says-commission-was-informed'), articleTree(ACCUSATION));
    expect(marks.map(readerText).join('')).toBe('the commission was informed\nby telephone on the morning the gates closed');
  });
});

describe('quotes in several spans and across markup', () => {
  it('marks every span of a quote over two block quote paragraphs, and links each back to its claim', () => {
    const ref = article(REJECTION).claimById.get('kestran-ministry-rejects-theft-accusation')!;
    expect(ref.spans).toHaveLength(2);
    expect(ref.spans[1]!.block).toBe(ref.spans[0]!.block + 1);
    const page = articleTree(REJECTION);
    for (const span of ref.spans) {
      const block = blockElement(REJECTION, span.block + 1);
      expect(selectAll(`mark.c${ref.number}`, block).length).toBeGreaterThan(0);
      expect(selectAll(`a.quote-ref[href="#claim-${ref.claim.id}"]`, block)).toHaveLength(1);
    }
    expect(selectAll(`#quote-${ref.claim.id}`, page)).toHaveLength(1);
  });

  it('shows a quote with a word left out as its spans joined by an ellipsis', () => {
    const card = select('li#claim-veloria-accuses-kestran-of-holding-back-water', articleTree(FIGURES))!;
    expect(toString(select('blockquote', card)!)).toContain(
      'Kestran had … held back water to refill the reservoir before the summer demand peak',
    );
  });

  it('never puts a link inside a link, on any page', () => {
    for (const built of pages.values()) expect(selectAll('a a', built.tree), built.path).toEqual([]);
  });

  it('puts the back-link of a quote that ends inside a link right after that link', () => {
    const mark = selectAll(marksOf(REJECTION, 'fenn-dismisses-flow-audit'), articleTree(REJECTION)).at(-1)!;
    const link = select(`a[href^="https://"]:has(${marksOf(REJECTION, 'fenn-dismisses-flow-audit')})`, articleTree(REJECTION)) as Element;
    expect(readerText(mark)).toBe('commission’s own');
    const siblings = (select('#p-7', articleTree(REJECTION)) as Element).children;
    const after = siblings[siblings.indexOf(link) + 1] as Element;
    expect(after.tagName).toBe('a');
    expect(after.properties.href).toBe('#claim-fenn-dismisses-flow-audit');
  });

  it('keeps a quote across emphasis and a link whole: every piece carries the claim’s class', () => {
    const ref = article(REJECTION).claimById.get('fenn-commits-to-temporary-closure')!;
    const marks = selectAll(`mark.c${ref.number}`, articleTree(REJECTION));
    expect(marks.length).toBeGreaterThan(2);
    for (const mark of marks) expect(mark.properties.className).toContain(`c${ref.number}`);
    expect(marks.map(readerText).join('')).toBe(ref.claim.quote);
  });

  it('lights every piece of a targeted claim from the site’s one stylesheet, for as many claims as an article has', () => {
    const links = selectAll('link[rel="stylesheet"]', articleTree(REJECTION));
    expect(links).toHaveLength(1);
    const css = readFileSync(join(FIXTURE_SITE_DIST, String(links[0]!.properties.href)), 'utf8');
    const most = Math.max(...index.articles.map((a) => a.claims.length));
    expect(css).toContain(`:has(.c${most}:target) .c${most}`);
    expect(css).not.toContain(`.c${most + 1}:target`);
    // Bundled after the other sheets: the cascade layers keep the order `styles/layers.css` declares.
    const firstSeen = [
      ...new Set([...css.matchAll(/@layer ([\w\s,-]+)[{;]/g)].flatMap((m) => m[1]!.split(',').map((name) => name.trim()))),
    ];
    expect(firstSeen).toEqual(
      readFileSync('src/styles/layers.css', 'utf8')
        .match(/@layer ([^;]+);/)![1]!
        .split(/,\s*/),
    );
  });

  it('keeps overlapping and nested quotes apart: each quote’s pieces open and close where its words do', () => {
    const page = articleTree(ACCUSATION);
    for (const id of ['marrow-says-reports-requested', 'marrow-says-nothing-received', 'marrow-says-water-is-shared']) {
      const marks = selectAll(marksOf(ACCUSATION, id), page);
      expect(marks[0]!.properties.className, id).toContain('qs');
      expect(marks.at(-1)!.properties.className, id).toContain('qe');
    }
    expect(
      selectAll(`${marksOf(ACCUSATION, 'marrow-accuses-orvell-of-diversion')} ${marksOf(ACCUSATION, 'marrow-says-water-is-shared')}`, page),
    ).toHaveLength(1);
  });

  it('sets quotes off with a rule, never wrapping words that have their own quotation marks in another pair', () => {
    const ref = article(ACCUSATION).claimById.get('marrow-rejects-routine-inspection')!;
    const quote = toString(select(`li#claim-${ref.claim.id} blockquote a`, articleTree(ACCUSATION))!);
    expect(quote).toBe(ref.claim.quote);
    for (const built of pages.values()) expect(built.html, built.path).not.toContain('““');
  });
});

describe('speakers, dates and channels', () => {
  it('shows the speaker, the date and the channel on the claim card', () => {
    const card = toString(select('li#claim-marrow-rejects-routine-inspection', articleTree(ACCUSATION))!).replace(/\s+/g, ' ');
    expect(card).toContain('Ilse Marrow (for Veloria)');
    expect(card).toContain('speaker: Velorian foreign ministry spokesperson Ilse Marrow');
    expect(card).toContain('2025-03-13, in a statement');
  });

  it('lists a spokesperson’s claims on the page of the state it speaks for, labelled with the person', () => {
    const veloria = partyText('veloria');
    expect(veloria).toContain('by, through Ilse Marrow');
    for (const slug of [ACCUSATION, REJECTION]) {
      for (const ref of article(slug).claimsByParty.get('ilse-marrow') ?? []) {
        expect(index.partyById.get('veloria')!.claimsBy).toContain(ref);
      }
    }
  });

  it('merges the same spokesperson from two articles into one party', () => {
    const marrow = index.partyById.get('ilse-marrow')!;
    expect(marrow.appearances.map((appearance) => appearance.articleSlug).sort()).toEqual([ACCUSATION, REJECTION].sort());
  });

  it('says in the JSON-LD who the spokesperson speaks for', () => {
    const graph = selectAll('script[type="application/ld+json"]', articleTree(ACCUSATION)).flatMap(
      (s) => JSON.parse(toString(s))['@graph'],
    );
    const node = (id: string) => graph.find((data: { '@id'?: string }) => data['@id'] === id);
    const claim = graph.find((data: { '@id'?: string }) => data['@id']?.endsWith('#claim-marrow-rejects-routine-inspection'));
    expect(node(claim.author['@id'])).toMatchObject({ '@type': 'Person', name: 'Ilse Marrow' });
    expect(node(node(claim.author['@id']).affiliation['@id'])).toMatchObject({ name: 'Veloria' });
    expect(claim.creditText).toBe('Velorian foreign ministry spokesperson Ilse Marrow');
    expect(claim.dateCreated).toBe('2025-03-13');
  });

  it('keeps the speaker in the open data', () => {
    const data = JSON.parse(readFileSync(join(FIXTURE_SITE_DIST, `articles/${ACCUSATION}.json`), 'utf8'));
    const claim = data.claims.find((c: { id: string }) => c.id === 'marrow-rejects-routine-inspection');
    expect(claim).toMatchObject({
      speaker: 'Velorian foreign ministry spokesperson Ilse Marrow',
      date: '2025-03-13',
      channel: 'in a statement',
    });
    expect(data.parties.find((p: { id: string }) => p.id === 'ilse-marrow').speaksFor).toBe('veloria');
  });
});

describe('a party named by several articles', () => {
  it('shows each article’s description and aliases on its page, attributed to the article', () => {
    const veloria = partyText('veloria');
    for (const appearance of index.partyById.get('veloria')!.appearances) {
      if (appearance.party.description) expect(veloria).toContain(appearance.party.description);
      if (appearance.party.aliases.length) expect(veloria).toContain(`Also called there ${appearance.party.aliases.join(', ')}`);
    }
  });

  it('keeps the name an article uses on its own page, and says so on the shared page', () => {
    expect(index.partyById.get('veloria')!.name).toBe('Veloria');
    expect(toString(select('li#party-veloria .party-name', articleTree(FIGURES))!).trim()).toBe('Velorian Republic');
    expect(partyText('veloria')).toContain('Named there Velorian Republic');
  });

  it('lists each claim once on a party page, however many roles the party plays in it', () => {
    for (const entry of index.parties) {
      const ids = entry.claims.map((item) => `${item.ref.articleSlug}#${item.ref.claim.id}`);
      expect(new Set(ids).size, entry.id).toBe(ids.length);
      const links = [...pages.values()]
        .filter((built) => built.path.startsWith(`/parties/${entry.id}/`))
        .flatMap((built) => selectAll('.party-claims .source a', built.tree).map((a) => String(a.properties.href)));
      expect(links.length, entry.id).toBe(ids.length);
    }
  });

  it('counts in the singular when there is one', () => {
    for (const built of pages.values())
      expect(toString(select('body', built.tree)!), built.path).not.toMatch(/\b1 (claims|parties|articles|blocks)\b/);
  });
});

describe('answers across articles', () => {
  it('links an answer to the claim of another article, and the answered claim back to it', () => {
    const answer = select(
      `li#claim-kestran-rejects-diversion-accusation a[href="/articles/${ACCUSATION}/#claim-veloria-accuses-kestran-of-cutting-flow"]`,
      articleTree(REJECTION),
    );
    expect(answer).toBeTruthy();
    const back = select(
      `li#claim-veloria-accuses-kestran-of-cutting-flow a[href="/articles/${REJECTION}/#claim-kestran-rejects-diversion-accusation"]`,
      articleTree(ACCUSATION),
    );
    expect(back).toBeTruthy();
    expect(toString(back!)).toContain(article(REJECTION).data.title);
  });
});

describe('the source', () => {
  it('says a truncated text ends where the copy ends', () => {
    const page = toString(select('main', articleTree(TALKS))!);
    expect(page).toContain('The copy of this text is incomplete');
    expect(page).toContain('As far as the copy goes, word for word: the copy is incomplete.');
    expect(page).not.toContain('As published');
    expect(toString(select('main', articleTree(ACCUSATION))!)).toContain('As published, word for word.');
  });

  it('shows an unquoted YAML date as the date it is', () => {
    expect(toString(select('.article-header', articleTree(ACCUSATION))!)).toContain('2025-03-14');
  });
});

describe('the open data of a real article', () => {
  it('covers every block, typed, with offsets, and every span of every quote', () => {
    for (const slug of [ACCUSATION, REJECTION, FIGURES, TALKS]) {
      const data = JSON.parse(readFileSync(join(FIXTURE_SITE_DIST, `articles/${slug}.json`), 'utf8'));
      expect(data.blocks.map((block: { type: string }) => block.type)).toEqual(article(slug).blocks.map((block) => block.type));
      data.blocks.forEach((block: { start: number; end: number }, i: number) =>
        expect(data.text.slice(block.start, block.end)).toBe(article(slug).blocks[i]!.text),
      );
      for (const claim of data.claims) {
        expect(claim.spans.map((span: { start: number; end: number }) => data.text.slice(span.start, span.end))).toEqual(claim.quote);
      }
    }
  });
});
