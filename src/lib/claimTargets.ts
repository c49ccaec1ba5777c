import { claimTargetClass } from './urls.ts';

/**
 * The stylesheet that highlights every piece of a targeted claim's quote. A link to `#quote-<id>` targets
 * only its first piece; the other pieces (later spans, or pieces split by markup or by another quote)
 * share its class `c<n>`, and `:has()` lights them all, with no script. One rule per claim number, up
 * to the largest number of claims any article has.
 */
export function claimTargetsCss(maxClaims: number): string {
  const selectors = Array.from({ length: maxClaims }, (_, i) => {
    const target = claimTargetClass(i + 1);
    return `:has(.${target}:target) .${target}`;
  });
  if (selectors.length === 0) return '';
  return `@layer components{${selectors.join(',')}{background:var(--color-mark-target);outline:3px solid var(--color-mark-rule);outline-offset:1px}}\n`;
}
