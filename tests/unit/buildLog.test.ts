import { describe, expect, it, vi } from 'vitest';
import { onBuildLog } from '../../src/integrations/buildLog.ts';

const headInject = (id: string) => ({
  code: 'MODULE_LEVEL_DIRECTIVE',
  id,
  message: `[MODULE_LEVEL_DIRECTIVE] The semantics of the module level directive "use astro:head-inject" in "${id}" may not be preserved when bundling.`,
});

/** What onBuildLog passes on to Vite's own handler. */
function passedOn(level: 'warn' | 'info' | 'debug', log: Record<string, unknown>) {
  const handler = vi.fn();
  onBuildLog(level, log as never, handler);
  return handler.mock.calls;
}

describe('the build log filter', () => {
  it('drops the head-inject directive warning of an MDX article', () => {
    expect(passedOn('warn', headInject('/site/content/articles/a.mdx?astroPropagatedAssets'))).toEqual([]);
    expect(passedOn('warn', headInject('/site/content/articles/a.mdx'))).toEqual([]);
  });

  it('passes on every other log unchanged', () => {
    const fromTs = headInject('/site/src/pages/index.ts');
    const otherDirective = { ...headInject('/site/content/articles/a.mdx'), message: 'module level directive "use client" in a.mdx' };
    const otherCode = { ...headInject('/site/content/articles/a.mdx'), code: 'CIRCULAR_DEPENDENCY' };
    const info = headInject('/site/content/articles/a.mdx');
    for (const [level, log] of [
      ['warn', fromTs],
      ['warn', otherDirective],
      ['warn', otherCode],
      ['info', info],
    ] as const) {
      expect(passedOn(level, log)).toEqual([[level, log]]);
    }
  });
});
