// Measures the claim suggester against the editors' claims: `npm run suggest:bench [-- <folder> …] [--verbose]`.
// Each article is read as a fresh draft (its own parties and claims hidden); the other articles' parties are known.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readArticleSources } from '../src/node/articleFiles.ts';
import { textBlocks } from '../src/lib/articleText.ts';
import { locateQuote } from '../src/lib/quoteAnchors.ts';
import type { ArticleSource } from '../src/lib/checkArticles.ts';
import { claimSchema, quoteSpans } from '../src/schemas/claim.ts';
import { suggestInput } from '../src/authoring/articleInput.ts';
import { evaluate, type Located, ratio } from '../src/authoring/evaluate.ts';
import { suggest } from '../src/authoring/suggest.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirs = args.filter((arg) => !arg.startsWith('--'));
const folders = dirs.length ? dirs : ['content/articles', 'tests/fixtures/real-articles'];

const sources: ArticleSource[] = folders.flatMap((dir) => readArticleSources(dir).sources);
const rows: string[][] = [['article', 'claims', 'suggested', 'matched', 'recall', 'precision', 'same kind', 'same by', 'ms']];
const total = { editorial: 0, suggested: 0, matched: 0, sameKind: 0, sameBy: 0, ms: 0, unverified: 0, dropped: 0, quotes: 0 };

/** One line of the table: the counts, recall, precision and agreement of an article or of all. */
function row(
  label: string,
  counts: { editorial: number; suggested: number; matched: number; sameKind: number; sameBy: number },
  ms: string,
) {
  const { editorial, suggested, matched, sameKind, sameBy } = counts;
  return [
    label,
    String(editorial),
    String(suggested),
    String(matched),
    ratio(matched, editorial),
    ratio(matched, suggested),
    ratio(sameKind, matched),
    ratio(sameBy, matched),
    ms,
  ];
}

// Warm up compromise's lexicon once, so the first article's time is not the library's start-up.
suggest({ slug: 'warm-up', blocks: [{ type: 'paragraph', text: 'The minister said the talks would resume on Friday.' }] });

for (const source of sources) {
  const blocks = textBlocks(source.body).map((block) => block.text);
  const claims = ((source.data as { claims?: unknown[] }).claims ?? []).flatMap((raw) => {
    const parsed = claimSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const editorial: Located[] = claims.flatMap((claim) => {
    const at = locateQuote(blocks, quoteSpans(claim), claim.occurrence);
    return at.status === 'found' ? [{ id: claim.id, spans: at.spans, kind: claim.kind, by: claim.by }] : [];
  });
  const input = suggestInput(source, sources, { fresh: true });
  const started = performance.now();
  const result = suggest(input);
  const ms = performance.now() - started;
  // Every suggested quote must be found verbatim by the project's checker.
  for (const { claim } of result.claims) {
    total.quotes++;
    if (locateQuote(blocks, quoteSpans(claim), claim.occurrence).status !== 'found') total.unverified++;
  }
  total.dropped += result.unverified;
  const suggested: Located[] = result.claims.map(({ claim, spans }) => ({ id: claim.id, spans, kind: claim.kind, by: claim.by }));
  const score = evaluate(editorial, suggested);
  total.editorial += score.editorial;
  total.suggested += score.suggested;
  total.matched += score.matched;
  total.sameKind += score.sameKind;
  total.sameBy += score.sameBy;
  total.ms += ms;
  rows.push(row(source.slug, score, ms.toFixed(0)));
  if (verbose) {
    console.log(`\n${source.slug}`);
    for (const id of score.missed) {
      const claim = claims.find((c) => c.id === id)!;
      console.log(`  missed  ${id}: ${JSON.stringify(claim.quote)}`);
    }
    for (const id of score.extra) {
      const claim = result.claims.find((c) => c.claim.id === id)!;
      console.log(`  extra   ${id} [${claim.claim.by}]: ${JSON.stringify(claim.claim.quote)}`);
    }
    for (const pair of score.pairs) {
      const mine = result.claims.find((c) => c.claim.id === pair.suggested)!.claim;
      const gold = claims.find((c) => c.id === pair.editorial)!;
      console.log(`  match   ${pair.editorial} ← ${pair.suggested} (${gold.kind}/${mine.kind}, ${gold.by}/${mine.by})`);
    }
  }
}
rows.push(row('overall', total, (total.ms / Math.max(1, sources.length)).toFixed(0) + ' avg'));

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
console.log('');
for (const [n, row] of rows.entries()) {
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  if (n === 0 || n === rows.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(`\nA suggestion matches an editorial claim when their quotes share ≥ 50 % of the shorter quote's characters (one to one).`);
console.log(
  `Quotes checked verbatim with locateQuote: ${total.quotes - total.unverified} of ${total.quotes} suggested quotes found; ${total.dropped} frame(s) left out before suggesting because their quote could not be placed.`,
);
console.log(
  `Time: ${total.ms.toFixed(0)} ms for ${sources.length} article(s), ${(total.ms / Math.max(1, sources.length)).toFixed(0)} ms per article (after one warm-up call); ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} (other work on the machine slows it).`,
);
