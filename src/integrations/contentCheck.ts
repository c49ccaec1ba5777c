import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { articlesDir, env } from '../node/env.ts';
import { type ContentIssue, errorsIn, formatIssue, formatReport, hasErrors } from '../lib/contentIssues.ts';
import { plural } from '../lib/wording.ts';
import { checkContent, checkContentInParallel } from '../site/contentGate.ts';

/**
 * The content gate: checks every article from disk, once, before Astro builds or serves anything, so a
 * bad file always stops the build (Astro itself only logs some content errors, and may serve its cached
 * store). The checked articles are handed on through `data/contentGate.ts`, so that the markdown plugins
 * and the pages never check them again.
 *
 * A content error is the editor's to fix, not a crash: it is printed as the located report and a
 * one-line summary, then the process exits with code 1. It is not thrown: Astro answers any error
 * thrown from a hook with "An unhandled error occurred while running the … hook" and a stack trace
 * (node_modules/astro/dist/integrations/hooks.js and cli/throw-and-exit.js), which buried the report.
 */
export function contentCheck(): AstroIntegration {
  let root = process.cwd();
  /** `astro dev` shows drafts (with a banner); a build leaves them out. */
  let drafts = false;
  /** With no error: logs the warnings and that the content is fine, returns []. With errors: returns every issue, for `report`. */
  const logged = (logger: AstroIntegrationLogger, issues: ContentIssue[]): ContentIssue[] => {
    if (hasErrors(issues)) return issues;
    for (const issue of issues) logger.warn(formatIssue(issue));
    logger.info(`content checked: ${articlesDir()} has no errors`);
    return [];
  };
  /** Checks the articles again (the dev server, after a file is saved). */
  const check = (logger: AstroIntegrationLogger): ContentIssue[] => logged(logger, checkContent(root, articlesDir(), { drafts }).issues);
  /** The located report (errors, then warnings, then the count), then one line saying what happens next. */
  const report = (logger: AstroIntegrationLogger, issues: ContentIssue[], outcome: string) => {
    logger.error(formatReport(issues));
    logger.error(contentErrorSummary(issues, outcome));
  };
  return {
    name: 'standpoint:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, isRestart, logger }) => {
        root = fileURLToPath(config.root);
        drafts = command === 'dev';
        // The bodies are rendered on the check's threads, for the content loader; not with Sätteri (benchmark only),
        // which the loader runs itself, nor by `astro sync` or `astro check`, which render no page.
        const render = env.markdown === 'unified' && (command === 'build' || command === 'dev');
        const bodies = render ? { root, cacheDir: fileURLToPath(config.cacheDir), base: config.base } : undefined;
        const result = await checkContentInParallel(root, articlesDir(), { drafts, bodies });
        if (result.memo?.warning) logger.warn(result.memo.warning);
        if (result.memo?.reused)
          logger.info(`${plural(result.memo.reused, 'file')} unchanged since the last build: checks taken from the cache folder`);
        const issues = logged(logger, result.issues);
        if (issues.length === 0) {
          if (result.bodies) logger.info(bodiesRendered(result.bodies));
          return;
        }
        // The dev server reloading its config (astro.config.mjs saved) keeps running, as on an article saved.
        if (isRestart) return report(logger, issues, 'the dev server keeps running');
        report(logger, issues, STOPPED[command] ?? `astro ${command} stopped`);
        await exitWithError();
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = resolve(root, articlesDir());
        server.watcher.add(dir);
        server.watcher.on('change', (path) => {
          if (!path.startsWith(dir)) return;
          const issues = check(logger);
          if (issues.length > 0) report(logger, issues, 'the dev server keeps running; fix it and save again');
        });
      },
    },
  };
}

/** `1000 article bodies rendered on 2 threads` (a body kept in the cache folder from a build before is not rendered again). */
function bodiesRendered({ rendered, threads }: { rendered: number; threads: number }): string {
  return `${plural(rendered, 'article body')} rendered on ${plural(threads, 'thread')}`;
}

const STOPPED: Record<string, string> = { build: 'the build stopped', dev: 'the dev server stopped' };

/** `Standpoint: 2 errors in content/articles — the build stopped` */
export function contentErrorSummary(issues: readonly ContentIssue[], outcome: string, dir = articlesDir()): string {
  return `Standpoint: ${plural(errorsIn(issues).length, 'error')} in ${dir} — ${outcome}`;
}

/** Exits with code 1 once what was logged has been handed to the terminal or pipe. */
async function exitWithError(): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
  process.exit(1);
}
