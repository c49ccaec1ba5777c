// Prints, per article, what an editor reviews in an extraction: `npm run report [-- <folder>]`.
import { articlesDir } from '../src/node/env.ts';
import { formatReport, hasErrors } from '../src/lib/contentIssues.ts';
import { articleReport } from '../src/lib/contentReport.ts';
import { buildReferenceIndex } from '../src/lib/referenceIndex.ts';
import { runContentCheck } from '../src/node/runContentCheck.ts';

const dir = process.argv[2] ?? articlesDir();
const { articles, issues } = runContentCheck(dir);
const index = buildReferenceIndex(articles);
for (const article of index.articles) console.log(`${articleReport(article)}\n`);
console.log(`parties across all articles: ${index.parties.length}`);
if (issues.length > 0) console.log(formatReport(issues));
process.exitCode = hasErrors(issues) ? 1 : 0;
