import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Code highlighting, smaller and later, in both bundles:
 * - Code is drawn through the site's own Prism binding (src/code-highlighting), which stands in
 *   for prism-react-renderer and registers only the grammars the site names.
 * - The classic theme's client module that registers those grammars on every page is replaced by
 *   an empty module: the binding registers them itself, and in the browser it loads with the code
 *   block (src/theme/CodeBlock), only on the pages that have one.
 */
export default function lazyCodeHighlighting(): Plugin {
  return {
    name: 'qbwc-lazy-code-highlighting',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        resolve: {alias: {'prism-react-renderer$': join(__dirname, '..', 'code-highlighting', 'index.tsx')}},
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
            join(__dirname, 'empty-module.ts'),
          ),
        ],
      };
    },
  };
}
