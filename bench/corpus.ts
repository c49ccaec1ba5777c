// Generates a deterministic synthetic corpus shaped like the seed article, for the benchmark.
// Usage: node bench/corpus.ts <count> <outDir>   (writes <outDir>/standpoint/*.mdx and <outDir>/plain/*.mdx)
//
// Every corpus holds the seed article itself (so its page can be weighed at every size) plus count − 1
// generated articles. A generated article has 10 paragraphs recombined from the seed's sentences, each
// with one sentence of its own (so every body is distinct), about 10 parties drawn from a shared pool of
// 60 with fixed names and kinds (the seed's 10 and 50 invented ones; the draw favours the first ones, so
// some party pages grow with the corpus), and 20 claims whose quotes are unique spans of the body. The pool's
// first party, the seed's Pakistan, is in every article, makes its first claim and is the subject of another:
// the worst case for party pages. Every party is named in the body, so the content check gives no warning.
// `plain/` holds the same bodies with only a `title` in the frontmatter, for the bare Astro and Starlight sites.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { CLAIM_KINDS, type ClaimKind, type PartyKind } from '../src/schemas/article.ts';

export const SEED_SLUG = 'pakistan-rejects-taliban-interference-accusation';
const seedPath = fileURLToPath(new URL(`../content/articles/${SEED_SLUG}.mdx`, import.meta.url));

interface PoolParty {
  id: string;
  name: string;
  kind: PartyKind;
}

interface GeneratedClaim {
  id: string;
  by: string;
  reportedBy?: string;
  speaker?: string;
  kind: ClaimKind;
  about: string[];
  summary: string;
  quote: string;
  respondsTo: string[];
}

/** Mulberry32: a small seeded PRNG, so the same count always gives the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Seed {
  source: string;
  title: string;
  parties: PoolParty[];
  sentences: string[];
}

function readSeed(): Seed {
  const source = readFileSync(seedPath, 'utf8');
  const { frontmatter, content } = parseFrontmatter(source);
  const data = frontmatter as { title: string; parties: PoolParty[] };
  const sentences = content
    .trim()
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.trim().split(/(?<=\.)\s+(?=[A-Z])/));
  return {
    source,
    title: data.title,
    parties: data.parties.filter((p) => p.kind !== 'publication').map(({ id, name, kind }) => ({ id, name, kind })),
    sentences,
  };
}

/** The shared pool: the seed's 10 parties first, then 50 invented ones with fixed names and kinds. */
function partyPool(seed: Seed): PoolParty[] {
  const places = ['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Coastal', 'Highland', 'River', 'Border', 'Island'];
  const kinds: Array<[string, PartyKind]> = [
    ['Republic', 'state'],
    ['Cabinet', 'government'],
    ['Liberation Front', 'armed-group'],
    ['Development Agency', 'international-organisation'],
    ['Trade Union of States', 'group-of-states'],
    ['Supreme Court', 'institution'],
    ['Policy Observers', 'commentators'],
    ['Displaced Residents', 'population'],
  ];
  const invented: PoolParty[] = [];
  for (const [noun, kind] of kinds)
    for (const place of places) invented.push({ id: slugify(`${place} ${noun}`), name: `${place} ${noun}`, kind });
  return [...seed.parties, ...shuffle(invented, prng(7)).slice(0, 50)];
}

/**
 * Draws `count` distinct parties, favouring the start of the pool (weight 1/(rank+1)). The first party of the
 * pool (the seed's Pakistan) is in every article: the worst case for party pages.
 */
function drawParties(pool: PoolParty[], count: number, random: () => number): PoolParty[] {
  const chosen = new Set<number>([0]);
  const weights = pool.map((_, rank) => 1 / (rank + 1));
  while (chosen.size < count) {
    const total = weights.reduce((sum, w, i) => sum + (chosen.has(i) ? 0 : w), 0);
    let r = random() * total;
    for (let i = 0; i < pool.length; i++) {
      if (chosen.has(i)) continue;
      r -= weights[i]!;
      if (r <= 0) {
        chosen.add(i);
        break;
      }
    }
  }
  return [...chosen].sort((a, b) => a - b).map((i) => pool[i]!);
}

const CLAUSES = [
  'the talks would resume only after verifiable guarantees',
  'the border crossings must reopen without delay',
  'the accusations were baseless and politically motivated',
  'the security situation had deteriorated over the past month',
  'humanitarian access should not depend on political conditions',
  'it remained committed to dialogue with its neighbours',
  'the reported incidents required an independent investigation',
  'any further attack would be met with a proportionate response',
];

const VERBS: Record<ClaimKind, string> = {
  assert: 'asserts',
  accuse: 'accuses',
  deny: 'denies',
  reject: 'rejects',
  admit: 'admits',
  demand: 'demands',
  warn: 'warns',
  threaten: 'threatens',
  appeal: 'appeals',
  commit: 'commits',
  'claim-responsibility': 'claims responsibility',
};

const q = (text: string) => JSON.stringify(text);

interface Article {
  slug: string;
  title: string;
  body: string;
  standpoint: string;
  plain: string;
}

function generateArticle(index: number, seed: Seed, pool: PoolParty[]): Article {
  const random = prng(1000 + index);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const parties = drawParties(pool, 9 + Math.floor(random() * 3), random);
  const slug = `synthetic-article-${String(index).padStart(4, '0')}`;
  const title = `Synthetic article ${index}: ${parties[0]!.name} and ${parties[1]!.name} trade claims`;

  // 10 paragraphs: one sentence of the article's own, then one or two of the seed's sentences.
  const deck = shuffle(seed.sentences, random);
  const paragraphs: string[][] = [];
  const ownSentences: Array<{ sentence: string; party: PoolParty }> = [];
  for (let p = 0; p < 10; p++) {
    const party = parties[p % parties.length]!;
    // Every party is named in the text (the content check warns otherwise): those past the tenth join a sentence.
    const joined = parties
      .filter((_, i) => i >= 10 && i % 10 === p)
      .map((other) => `, joined by ${other.name},`)
      .join('');
    const own = `In report ${index}.${p + 1}, ${party.name}${joined} said that ${pick(CLAUSES)}.`;
    ownSentences.push({ sentence: own, party });
    const borrowed = deck.splice(0, random() < 0.6 ? 2 : 1);
    paragraphs.push([own, ...borrowed]);
  }
  const body = paragraphs.map((sentences) => sentences.join(' ')).join('\n\n');
  const occursOnce = (span: string) => body.indexOf(span) >= 0 && body.indexOf(span) === body.lastIndexOf(span);

  // 20 claims: one on each paragraph's own sentence, ten on borrowed sentences; every party is used.
  const unused = new Set(parties.map((p) => p.id));
  const nextAbout = (by: string) => {
    const about = new Set<string>();
    for (const id of unused) if (id !== by && about.size < 2) about.add(id);
    while (about.size < 1 + Math.floor(random() * 3)) about.add(pick(parties).id);
    for (const id of about) unused.delete(id);
    unused.delete(by);
    return [...about];
  };
  const claims: GeneratedClaim[] = [];
  const addClaim = (quote: string, by: PoolParty) => {
    const kind = pick(CLAIM_KINDS);
    const about = nextAbout(by.id);
    const claim: GeneratedClaim = {
      id: `claim-${claims.length + 1}-${kind}`,
      by: by.id,
      kind,
      about,
      summary: `${by.name} ${VERBS[kind]} regarding ${about.map((id) => parties.find((p) => p.id === id)!.name).join(' and ')}.`,
      quote,
      respondsTo: claims.length > 0 && random() < 0.3 ? [pick(claims).id] : [],
    };
    if (random() < 0.2) claim.speaker = `a spokesperson for ${by.name}`;
    if (random() < 0.15) {
      const reporter = pick(parties.filter((p) => p.id !== by.id));
      claim.reportedBy = reporter.id;
      unused.delete(reporter.id);
    }
    claims.push(claim);
  };
  paragraphs.forEach((sentences, p) => {
    addClaim(sentences[0]!.slice(0, -1), ownSentences[p]!.party);
    const borrowed = sentences[1];
    if (borrowed && occursOnce(borrowed.replace(/\.$/, ''))) addClaim(borrowed.replace(/\.$/, ''), pick(parties));
  });
  // Top up to 20 with the clause after the comma of each own sentence (unique: it names the report).
  for (let p = 0; claims.length < 20 && p < 10; p++) {
    const span = ownSentences[p]!.sentence.slice(0, ownSentences[p]!.sentence.indexOf(','));
    if (occursOnce(span)) addClaim(span, ownSentences[p]!.party);
  }
  // Any party still unused becomes the subject of the last claims.
  for (const id of unused) claims[claims.length - 1]!.about.push(id);
  // The party of every article makes the first claim (its paragraph's own sentence) and is the subject of another.
  const everywhere = pool[0]!.id;
  const aboutIt = claims.find((claim) => claim.by !== everywhere)!;
  if (!aboutIt.about.includes(everywhere)) aboutIt.about.push(everywhere);

  const lines = ['---', `title: ${q(title)}`, 'source: {}', 'parties:'];
  for (const party of parties) lines.push(`  - id: ${party.id}`, `    name: ${q(party.name)}`, `    kind: ${party.kind}`);
  lines.push('claims:');
  for (const claim of claims) {
    lines.push(`  - id: ${claim.id}`, `    by: ${claim.by}`);
    if (claim.reportedBy) lines.push(`    reportedBy: ${claim.reportedBy}`);
    if (claim.speaker) lines.push(`    speaker: ${q(claim.speaker)}`);
    lines.push(
      `    kind: ${claim.kind}`,
      `    about: [${claim.about.join(', ')}]`,
      `    summary: ${q(claim.summary)}`,
      `    quote: ${q(claim.quote)}`,
    );
    if (claim.respondsTo.length > 0) lines.push(`    respondsTo: [${claim.respondsTo.join(', ')}]`);
  }
  lines.push('---', '', body, '');
  return { slug, title, body, standpoint: lines.join('\n'), plain: plainArticle(title, body) };
}

const plainArticle = (title: string, body: string) => `---\ntitle: ${q(title)}\n---\n\n${body.trim()}\n`;

/** Writes a corpus of `count` articles (the seed plus count − 1 generated ones) under `outDir`. */
export function writeCorpus(count: number, outDir: string): { standpoint: string; plain: string } {
  const seed = readSeed();
  const pool = partyPool(seed);
  const standpoint = join(outDir, 'standpoint');
  const plain = join(outDir, 'plain');
  for (const dir of [standpoint, plain]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(standpoint, `${SEED_SLUG}.mdx`), seed.source);
  writeFileSync(join(plain, `${SEED_SLUG}.mdx`), plainArticle(seed.title, parseFrontmatter(seed.source).content));
  for (let i = 1; i < count; i++) {
    const article = generateArticle(i, seed, pool);
    writeFileSync(join(standpoint, `${article.slug}.mdx`), article.standpoint);
    writeFileSync(join(plain, `${article.slug}.mdx`), article.plain);
  }
  return { standpoint, plain };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, outDir] = [Number(process.argv[2] ?? 10), process.argv[3] ?? 'bench/.work/corpus'];
  const dirs = writeCorpus(count, outDir);
  console.log(`wrote ${count} article(s) to ${dirs.standpoint} and ${dirs.plain}`);
}
