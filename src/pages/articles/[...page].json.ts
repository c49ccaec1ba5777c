import { articleIndexExports } from '../../lib/openData';
import { listDataEndpoint } from '../../site/listData';

// The article index's data, newest first: `/articles/index.json`, then `/articles/page/2.json`, …
export const { getStaticPaths, GET } = listDataEndpoint(articleIndexExports);
