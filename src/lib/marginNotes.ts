import type { Element, ElementContent } from 'hast';
import type { ClaimRef } from './referenceIndex.ts';
import { claimAnchor, type SitePaths } from './urls.ts';

const h = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const t = (value: string): ElementContent => ({ type: 'text', value });

/** The claims as a compact list: number (to the claim), kind, who (to the party) → about whom, and the summary. */
function noteList(refs: readonly ClaimRef[], paths: SitePaths): Element {
  return h(
    'ol',
    {},
    refs.map((ref) =>
      h('li', {}, [
        h('a', { href: `#${claimAnchor(ref.claim.id)}` }, [t(String(ref.number))]),
        t(' '),
        h('span', { className: ['kind'] }, [t(ref.claim.kind.replaceAll('-', ' '))]),
        t(' '),
        h('a', { href: paths.party(ref.claimant.id) }, [t(ref.claimant.name)]),
        t(` → ${ref.about.map((party) => party.name).join(', ')}: ${ref.claim.summary}`),
      ]),
    ),
  );
}

/**
 * The notes of the claims that begin in one block of the text, with the block, in one wrapper: a
 * `<details>` (no script needed to unfold it) that CSS floats into the margin, level with the block and
 * unfolded, on a wide screen, and shows folded after the block on a narrow one.
 */
export function withMarginNotes(block: ElementContent, refs: readonly ClaimRef[], paths: SitePaths): Element {
  const numbers = refs.map((ref) => ref.number);
  const label = refs.length === 1 ? `Claim ${numbers[0]}` : `Claims ${numbers[0]}–${numbers.at(-1)}`;
  const notes = h('details', { className: ['notes'] }, [h('summary', {}, [t(label)]), noteList(refs, paths)]);
  return h('div', { className: ['with-notes'] }, [notes, block]);
}
