import type {Plugin} from '@docusaurus/types';

/**
 * The packages of main.js that go into a script of their own: every package but Docusaurus's
 * theme and content plugins (and the search's client), which stay in main.js with the site's own
 * code. The two halves are about the same size (about 140 and 130 kB of source).
 */
export const FRAMEWORK_MODULE = /[\\/]node_modules[\\/](?!@docusaurus[\\/](?:theme-|plugin-)|@easyops-cn[\\/])/;

export const FRAMEWORK_CHUNK = 'framework';

/**
 * main.js in two scripts: the framework (Preact, the router, Docusaurus's core client and the
 * small packages they use) and the rest. A browser compiles a script as it arrives, off the main
 * thread where it can; under Lighthouse's instrumentation it compiles on the main thread as the
 * script is evaluated, and the one main.js was a task of 8-24 ms at 1x (a task of 12.5 ms or more
 * counts as blocking on Lighthouse's phone, four times slower). Each half compiles in about half
 * that time: in four Lighthouse runs of a guide, 5-12 ms for the framework, 3-8 ms for the rest.
 */
export default function frameworkChunk(): Plugin {
  return {
    name: 'qbwc-framework-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              framework: {name: FRAMEWORK_CHUNK, chunks: 'initial', test: FRAMEWORK_MODULE, enforce: true, priority: 44},
            },
          },
        },
      };
    },
  };
}
