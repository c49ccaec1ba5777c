// Runs Lighthouse (mobile profile, the default) on one URL with Debian's Chromium; prints a JSON summary.
// Usage: node lighthouse.mjs <url> [chromePath] [reportPath]   (reportPath: where to save the full JSON report)
import { writeFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

const url = process.argv[2];
const chromePath = process.argv[3] || process.env.CHROME_PATH || '/usr/bin/chromium';
if (!url) throw new Error('usage: node lighthouse.mjs <url> [chromePath]');

const chrome = await launch({
  chromePath,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  const lhr = result.lhr;
  if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(lhr));
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const failed = Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual' && audit.scoreDisplayMode !== 'notApplicable')
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
