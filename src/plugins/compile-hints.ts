import type {Plugin} from '@docusaurus/types';

/**
 * V8's explicit compile hint: a script that starts with this comment has all its functions compiled
 * as the script is loaded, on the streaming thread, instead of each one on the main thread the
 * first time it is called (https://v8.dev/blog/explicit-compile-hints, Chromium 136 and later;
 * other engines read it as a comment).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Every browser chunk starts with the compile hint. Docusaurus splits the bundle by route and
 * component, so a chunk's code mostly runs once it has loaded: the hydrating render alone calls
 * about 180 components for the first time, and compiling each on that first call was much of its
 * time (qbwc:hydrate at 4x CPU, median of 3 loads, with the hint on every chunk: guide 117-125 ms
 * to 53-58 ms, .qwc generator 123-165 to 62-88, home 118-184 to 91-138).
 *
 * The comment goes in after minification (which would drop it) at the report stage, the last one.
 */
export default function compileHints(): Plugin {
  return {
    name: 'qbwc-compile-hints',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {BannerPlugin, Compilation} = currentBundler.instance;
      return {
        plugins: [
          new BannerPlugin({
            banner: COMPILE_HINT,
            raw: true,
            test: /\.js$/,
            stage: Compilation.PROCESS_ASSETS_STAGE_REPORT,
          }),
        ],
      };
    },
  };
}
