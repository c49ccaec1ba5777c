// Checks every article without building the site: `npm run check:content [-- <folder>]`.
import { articlesDir } from '../src/node/env.ts';
import { formatReport, hasErrors } from '../src/lib/contentIssues.ts';
import { runContentCheck } from '../src/node/runContentCheck.ts';

const dir = process.argv[2] ?? articlesDir();
const { articles, issues } = runContentCheck(dir);
console.log(formatReport(issues));
const failed = hasErrors(issues);
console.log(failed ? `${dir}: content check failed` : `${dir}: ${articles.length} article(s) checked, no errors`);
process.exitCode = failed ? 1 : 0;
