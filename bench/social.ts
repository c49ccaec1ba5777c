// Measures the social preview cards (src/node/socialImage.ts): CPU and wall time per card, drawn one after
// another as the build draws them, and how many words each set of titles drew or took from the words drawn
// before. Three sets of 1,000 cards:
// - corpus: the benchmark corpus's articles (bench/corpus.ts; their titles share most words);
// - zipf: titles of 10 words drawn from a vocabulary of 20,000 by their frequency (Zipf's law, as words of
//   a language are), made-up words of 2 to 9 letters;
// - new words: titles whose every word is new (the cost when nothing is shared but the subtitle's words).
// Each set runs in a fresh instance of the module (no word drawn yet). CPU is the process's (every thread:
// resvg and zlib run on libuv's pool).
//
// Usage: npm run bench:social [-- --cards 1000]
import { register } from 'node:module';
import { join } from 'node:path';
import { runContentCheck } from '../src/node/runContentCheck.ts';
import { buildReferenceIndex } from '../src/lib/referenceIndex.ts';
import type { SocialCard } from '../src/node/socialImage.ts';
import { socialCard } from '../src/site/socialCard.ts';
import { log, root, table, work } from './common.ts';
import { writeCorpus } from './corpus.ts';

// The module reads the site's colours with Vite's `?raw` import: the same, for Node.
register(
  `data:text/javascript,${encodeURIComponent(`
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    export async function load(url, context, next) {
      if (!url.split('?')[0].endsWith('.css') || !/[?&]raw\\b/.test(url)) return next(url, context);
      const source = 'export default ' + JSON.stringify(readFileSync(fileURLToPath(url.split('?')[0]), 'utf8')) + ';';
      return { format: 'module', shortCircuit: true, source };
    }`)}`,
);

const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const count = process.argv.includes('--cards') ? Number(argument('--cards')) : 1000;

/** A deterministic stream of numbers in [0, 1). */
function numbers(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const madeUpWord = (seed: number) => {
  const next = numbers(seed * 2654435761 + 7);
  return Array.from({ length: 2 + Math.floor(next() * 8) }, () => LETTERS[Math.floor(next() * 26)]).join('');
};

/** Titles of 10 words, each the k-th of a vocabulary with probability ∝ 1/k. */
function zipfTitles(cards: number, vocabulary = 20_000): string[] {
  const cumulative: number[] = [];
  for (let k = 0, sum = 0; k < vocabulary; k++) cumulative.push((sum += 1 / (k + 1)));
  const next = numbers(1);
  const pick = () => {
    const target = next() * cumulative.at(-1)!;
    let [low, high] = [0, vocabulary - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return madeUpWord(low);
  };
  return Array.from({ length: cards }, () => Array.from({ length: 10 }, pick).join(' '));
}

const newWordTitles = (cards: number) =>
  Array.from({ length: cards }, (_, i) => Array.from({ length: 10 }, (_, j) => madeUpWord(1_000_000 + i * 10 + j)).join(' '));

function corpusCards(cards: number): SocialCard[] {
  const corpus = writeCorpus(cards, join(work, `corpus-${cards}`));
  return buildReferenceIndex(runContentCheck(corpus.standpoint, root).articles).articles.map(socialCard);
}

const subtitled = (titles: string[], cards: SocialCard[]) => titles.map((title, i) => ({ ...cards[i % cards.length]!, title }));

const corpus = corpusCards(count);
const sets: Array<[string, SocialCard[]]> = [
  ['corpus', corpus],
  ['zipf', subtitled(zipfTitles(count), corpus)],
  ['new words', subtitled(newWordTitles(count), corpus)],
];
const rows: string[][] = [];
for (const [name, cards] of sets) {
  const drawing = (await import(
    `../src/node/socialImage.ts?set=${encodeURIComponent(name)}`
  )) as typeof import('../src/node/socialImage.ts');
  await drawing.socialImagePng({ title: 'Fonts read', subtitle: '', siteName: cards[0]!.siteName });
  const before = { ...drawing.wordTileCounts };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const card of cards) await drawing.socialImagePng(card);
  const wall = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const drawn = drawing.wordTileCounts.drawn - before.drawn;
  const reused = drawing.wordTileCounts.reused - before.reused;
  rows.push([
    name,
    String(cards.length),
    String(drawn),
    String(reused),
    `${((100 * reused) / (drawn + reused)).toFixed(0)} %`,
    ((user + system) / 1000 / cards.length).toFixed(2),
    (wall / cards.length).toFixed(2),
  ]);
  log(`${name}: done`);
}
console.log(table(['Titles', 'Cards', 'Words drawn', 'Words reused', 'Reused', 'CPU ms / card', 'Wall ms / card'], rows));
