// What the suggester's tests share: suggestions for an invented body, and a claim found by its words.
import { textBlocks } from '../lib/articleText.ts';
import { quoteSpans } from '../schemas/claim.ts';
import type { Party } from '../schemas/party.ts';
import { type Suggestions, suggest } from './suggest.ts';

/** Suggestions for a body of paragraphs (invented text). */
export function suggestFor(
  body: string,
  options: { parties?: Party[]; otherParties?: Array<{ article: string; party: Party }>; publisher?: string } = {},
) {
  const blocks = textBlocks(body);
  return { blocks, result: suggest({ slug: 'test-article', blocks, ...options }) };
}

/** The claim whose quote contains `words`. */
export function claimWith(result: Suggestions, words: string) {
  const found = result.claims.find(({ claim }) => quoteSpans(claim).join(' ').includes(words));
  if (!found) throw new Error(`no suggestion quotes “${words}”; got ${JSON.stringify(result.claims.map(({ claim }) => claim.quote))}`);
  return found.claim;
}

export const HARBOUR = `The Norvik port authority on Tuesday rejected accusations by the Coastal Fishers’ Union that it had dredged the northern channel in secret, saying the work had been “announced twice, in print and online”.

The union’s chair, Petra Holm, warned that the silt would drive cod away from the inner bay. She called on the authority to publish its survey of the seabed.

A spokesperson for the authority, Jonas Brekke, denied that any work had taken place outside the permitted zone. “We dredged where the licence says, and not a metre further,” he told reporters.

The dredging will cost more than expected, port officials say.

Petra Holm maintains that the union was never consulted, accusing the authority of ignoring its letters.

The ferry terminal is due to open in May.
`;
