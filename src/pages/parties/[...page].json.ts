import { partyIndexExports } from '../../lib/openData';
import { listDataEndpoint } from '../../site/listData';

// The party index's data, by name: `/parties/index.json`, then `/parties/page/2.json`, …
export const { getStaticPaths, GET } = listDataEndpoint(partyIndexExports);
