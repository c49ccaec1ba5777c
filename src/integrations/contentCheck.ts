import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { articlesDir } from '../lib/articleFiles.ts';
import { ContentError, formatIssue } from '../lib/contentIssues.ts';
import { runContentCheck } from '../lib/runContentCheck.ts';

/**
 * Checks every article from disk before Astro builds or serves anything, so a bad file always
 * stops the build (Astro itself only logs some content errors, and may serve its cached store).
 */
export function contentCheck(): AstroIntegration {
  let root = process.cwd();
  const check = (logger: AstroIntegrationLogger) => {
    const { issues } = runContentCheck(articlesDir(), root);
    const errors = issues.filter((issue) => issue.severity === 'error');
    for (const issue of issues) if (issue.severity === 'warning') logger.warn(formatIssue(issue));
    if (errors.length > 0) throw new ContentError(issues);
    logger.info(`content checked: ${articlesDir()} has no errors`);
  };
  return {
    name: 'standpoint:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        check(logger);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = resolve(root, articlesDir());
        server.watcher.add(dir);
        server.watcher.on('change', (path) => {
          if (!path.startsWith(dir)) return;
          try {
            check(logger);
          } catch (error) {
            logger.error((error as Error).message);
          }
        });
      },
    },
  };
}
