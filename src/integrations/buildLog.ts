import type { ViteUserConfig } from 'astro';

type RolldownOptions = NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>;
type OnLog = NonNullable<RolldownOptions['onLog']>;
type RolldownLog = Parameters<OnLog>[1];

/**
 * The one build warning Standpoint silences: Astro's content plugin wraps every MDX entry in a
 * module (`<article>.mdx?astroPropagatedAssets`) that opens with the directive
 * `"use astro:head-inject"`, and Rolldown warns for each that a module-level directive "may not be
 * preserved when bundling". Astro reads that directive itself, so the warning is noise: one per
 * article, 1,000 lines for 1,000 articles. Every other log goes to Vite's handler unchanged.
 */
export function isMdxHeadInjectWarning(level: string, log: RolldownLog): boolean {
  if (level !== 'warn' || log.code !== 'MODULE_LEVEL_DIRECTIVE') return false;
  const file = (log.id ?? '').replace(/\?.*$/, '');
  return file.endsWith('.mdx') && log.message.includes('"use astro:head-inject"');
}

/** `vite.build.rolldownOptions.onLog`: drops the MDX head-inject directive warning, passes on the rest. */
export const onBuildLog: OnLog = (level, log, handler) => {
  if (isMdxHeadInjectWarning(level, log)) return;
  handler(level, log);
};
