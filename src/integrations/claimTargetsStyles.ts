import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { claimTargetsCss } from '../lib/claimTargets.ts';
import { getReferenceIndex } from '../site/contentGate.ts';

/** The module an article page imports for the highlight rules of its claims (`pages/articles/[slug].astro`). */
const CLAIM_TARGETS_MODULE = 'virtual:standpoint/claim-targets.css';
const RESOLVED = `\0${CLAIM_TARGETS_MODULE}`;

/** The rules for every claim number up to the largest number of claims any checked article has. */
const css = (): string => claimTargetsCss(Math.max(0, ...getReferenceIndex().articles.map((article) => article.claims.length)));

/**
 * The stylesheet that lights every piece of a targeted claim's quote (`lib/claimTargets`), made from the
 * content gate's articles as a CSS module, so Vite bundles it into the site's one stylesheet: an article page
 * loads no stylesheet of its own (one request and about 120 bytes of gzip less than a linked file of its own).
 * `astro dev` makes it again when an article is saved, after the gate has checked it again.
 */
export function claimTargetsStyles(): AstroIntegration {
  const plugin: Plugin = {
    name: 'standpoint:claim-targets',
    resolveId: (id) => (id === CLAIM_TARGETS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? css() : undefined),
  };
  return {
    name: 'standpoint:claim-targets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:server:setup': ({ server }) => {
        // Registered after the content gate's listener (integrations set up in order), so the gate has checked the edit.
        server.watcher.on('change', (path) => {
          if (!path.endsWith('.mdx')) return;
          const module = server.moduleGraph.getModuleById(RESOLVED);
          if (module) void server.reloadModule(module);
        });
      },
    },
  };
}
