import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Code highlighting, smaller and later:
 * - Both bundles draw code through the site's own Prism binding (src/code-highlighting), which
 *   stands in for prism-react-renderer and carries only the grammars the site names.
 * - In the browser bundle, the classic theme's client module that loads Prism on every page is
 *   replaced by an empty module: src/theme/CodeBlock loads Prism with the code block, on the pages
 *   that have one. The server build keeps it, so the HTML is highlighted as before.
 */
export default function lazyCodeHighlighting(): Plugin {
  return {
    name: 'qbwc-lazy-code-highlighting',
    configureWebpack(_config, isServer, {currentBundler}) {
      const alias = {'prism-react-renderer$': join(__dirname, '..', 'code-highlighting', 'index.tsx')};
      if (isServer) return {resolve: {alias}};
      const empty = join(__dirname, 'empty-module.ts');
      return {
        resolve: {alias},
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
            empty,
          ),
        ],
      };
    },
  };
}
