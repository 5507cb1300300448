import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * The local search plugin's search bar and search page both ask its web worker for results through
 * one module, theme/searchByWorker.js. Here that module is swapped, for those two callers only, for
 * src/client/local-search.ts, which hands the plugin's own module a query with error codes written
 * the way the pages print them, and hands back one result per page section.
 */
export default function localSearchQueries(): Plugin {
  const seam = join(__dirname, '..', 'client', 'local-search.ts');
  return {
    name: 'qbwc-local-search-queries',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(/^\.\.\/searchByWorker$/, (resolveData) => {
            if (/[\\/]docusaurus-search-local[\\/]dist[\\/]client[\\/]client[\\/]theme[\\/]/.test(resolveData.context)) {
              resolveData.request = seam;
            }
          }),
        ],
      };
    },
  };
}
