// Runs Lighthouse (mobile profile, the default) on one URL with Debian's Chromium; prints a JSON summary.
// Usage: node lighthouse.mjs <url> <chromePath> <reportPath> [chromium flags…]   (reportPath: where to save the full JSON report)
// bench/lighthouse.ts passes the path and the flags of tests/support/chromium.ts.
import { writeFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [url, chromePath, reportPath, ...flags] = process.argv.slice(2);
if (!url || !chromePath) throw new Error('usage: node lighthouse.mjs <url> <chromePath> [reportPath] [chromium flags…]');

const chrome = await launch({
  chromePath,
  chromeFlags: ['--headless', ...flags],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  const lhr = result.lhr;
  if (reportPath) writeFileSync(reportPath, JSON.stringify(lhr));
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const failed = Object.values(lhr.audits)
    .filter(
      (audit) =>
        audit.score !== null &&
        audit.score < 1 &&
        audit.scoreDisplayMode !== 'informative' &&
        audit.scoreDisplayMode !== 'manual' &&
        audit.scoreDisplayMode !== 'notApplicable',
    )
    .map((audit) => audit.id);
  console.log(
    JSON.stringify({
      lighthouse: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
      requests: requests.length,
      requestUrls: requests.map((r) => r.url),
      transferBytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      failedAudits: failed,
      runtimeError: lhr.runtimeError?.message ?? null,
    }),
  );
} finally {
  await chrome.kill();
}
