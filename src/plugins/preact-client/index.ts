import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/** Where each React entry point the browser bundle imports is found in Preact. */
const preactAliases = {
  // Preact's own root, except that the served "not found" page is drawn anew (see root.ts).
  'react-dom/client$': join(__dirname, 'root.ts'),
  'react-dom/server$': 'preact/compat/server',
  'react-dom$': 'preact/compat',
  'react/jsx-runtime$': 'preact/jsx-runtime',
  'react/jsx-dev-runtime$': 'preact/jsx-dev-runtime',
  react$: 'preact/compat',
  // Helmets held out of the hydrating render (helmet.ts).
  'react-helmet-async$': join(__dirname, 'helmet.ts'),
  // Prop types are checked only in development builds (prop-types.ts).
  'prop-types$': join(__dirname, 'prop-types.ts'),
};

/**
 * The browser bundle runs on Preact's React-compatible runtime instead of react-dom; the static
 * pages are still rendered by React at build time, and Preact hydrates them. A guide page's
 * JavaScript drops by about 190 kB, and with it most of the main thread's work before the page
 * answers a tap. Preact's Suspense has crashed while hydrating (an insertBefore on a node that
 * was not a child, preactjs/preact#5251), so the site's own code draws nothing through Suspense
 * in the browser: parts load after mounting (src/components/kit/useLoadedModule.ts).
 *
 * A production build that hydrates (any router but the hash one) also starts from its own entry,
 * which does Docusaurus's steps in separate tasks (client-entry.tsx).
 */
export default function preactClient(context: LoadContext): Plugin {
  const hydrates = process.env.NODE_ENV === 'production' && context.siteConfig.future.experimental_router !== 'hash';
  return {
    name: 'qbwc-preact-client',
    getClientModules() {
      return [
        join(__dirname, 'hash-scroll.ts'),
        join(__dirname, 'enumerated-attributes.ts'),
        join(__dirname, 'event-methods.ts'),
      ];
    },
    configureWebpack(config, isServer, {currentBundler}) {
      if (isServer) return {};
      // Docusaurus points `react` and `react-dom` at the site's React folders; those aliases would
      // win over ours, so they are replaced rather than merged.
      const alias = (config.resolve?.alias ?? {}) as Record<string, unknown>;
      const rest = Object.fromEntries(Object.entries(alias).filter(([key]) => key !== 'react' && key !== 'react-dom'));
      config.resolve = {...config.resolve, alias: {...preactAliases, ...rest}};
      if (hydrates) config.entry = join(__dirname, 'client-entry.tsx');
      // Docusaurus's prefetch helper, as its own client code imports it, asks for each file once (prefetch-once.ts).
      const prefetchOnce = join(__dirname, 'prefetch-once.ts');
      const replacePrefetchHelper = new currentBundler.instance.NormalModuleReplacementPlugin(
        /^\.\/prefetch$/,
        (resolveData: {context?: string; request: string}) => {
          if (/[\\/]@docusaurus[\\/]core[\\/]lib[\\/]client$/.test(resolveData.context ?? '')) resolveData.request = prefetchOnce;
        },
      );
      return {plugins: [replacePrefetchHelper]};
    },
  };
}
