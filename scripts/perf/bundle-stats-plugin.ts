import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

interface StatsLike {
  toJson(options: Record<string, boolean | number>): unknown;
}
interface CompilerLike {
  hooks: {done: {tap(name: string, fn: (stats: StatsLike) => void): void}};
}

/**
 * With PERF_STATS=1, the client build writes its Rspack stats (chunks and the modules in each, with
 * sizes) to build/bundle-stats.json, for scripts/perf/bundle-report.mjs to read. Off otherwise.
 */
export default function bundleStats(context: LoadContext): Plugin {
  return {
    name: 'qbwc-bundle-stats',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.PERF_STATS !== '1') return {};
      const target = join(context.outDir, 'bundle-stats.json');
      return {
        plugins: [
          {
            apply(compiler: CompilerLike) {
              compiler.hooks.done.tap('qbwc-bundle-stats', (stats) => {
                const json = stats.toJson({
                  all: false,
                  assets: true,
                  chunks: true,
                  chunkModules: true,
                  chunkOrigins: true,
                  modules: false,
                  ids: true,
                  nestedModules: true,
                  dependentModules: true,
                  orphanModules: true,
                  groupModulesByType: false,
                  chunkModulesSpace: 100000,
                  nestedModulesSpace: 100000,
                });
                writeFileSync(target, JSON.stringify(json));
              });
            },
          },
        ],
      };
    },
  };
}
