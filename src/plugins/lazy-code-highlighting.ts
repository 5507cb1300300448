import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * In the browser bundle, the classic theme's client module that loads Prism on every page is
 * replaced by an empty module: src/theme/CodeBlock loads Prism with the code block, on the pages
 * that have one. The server build keeps it, so the HTML is highlighted as before.
 */
export default function lazyCodeHighlighting(): Plugin {
  return {
    name: 'qbwc-lazy-code-highlighting',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const empty = join(__dirname, 'empty-module.ts');
      return {
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
