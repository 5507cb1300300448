import {join} from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** A module named `*.server.ts` or `*.server.tsx`. */
export const SERVER_ONLY_MODULE = /\.server\.tsx?$/;

/**
 * Modules named `*.server.tsx` are for the build's server render only: in the browser bundle each
 * is replaced by a component that draws nothing. `serverRenderedPart` draws a part from such a
 * module at build time, so the part is in the HTML where it belongs (a Suspense boundary would let
 * React move it to the end of the document, put back by a script), and loads the real code in the
 * browser on its own.
 */
export default function serverOnlyModules(): Plugin {
  return {
    name: 'qbwc-server-only-modules',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(SERVER_ONLY_MODULE, join(__dirname, 'server-only-stub.tsx')),
        ],
      };
    },
  };
}
