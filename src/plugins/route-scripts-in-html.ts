import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

const NAME = 'qbwc-route-scripts-in-html';

/** The parts of the client manifest (react-loadable-ssr-addon's) read and written here. */
interface ClientManifest {
  origins: Record<string, (string | number)[]>;
  assets: Record<string, unknown>;
}

/** The parts of an Rspack (or webpack 5) compilation read here. */
interface Compilation {
  chunkGroups: Iterable<{
    name?: string | null;
    origins: Iterable<{request?: string | null}>;
    chunks?: Iterable<{id?: string | number | null}>;
  }>;
}

interface Compiler {
  hooks: {afterEmit: {tap(name: string, run: (compilation: Compilation) => void): void}};
}

/**
 * Adds to the client manifest, for each lazy chunk group, the import request it was made for
 * (`@site/docs/setup/configure-connector.mdx`) as another name of the group, beside its chunk name.
 * A group whose own chunk was emptied into a shared one (src/plugins/script-groups.ts) has no
 * entry under its name: it gets the chunks it holds, those the manifest has files for.
 */
export function nameGroupsByRequest(manifest: ClientManifest, compilation: Compilation): ClientManifest {
  const origins = {...manifest.origins};
  for (const group of compilation.chunkGroups) {
    const held = [...(group.chunks ?? [])].flatMap(({id}) => (id != null && String(id) in manifest.assets ? [id] : []));
    const chunks = (group.name ? manifest.origins[group.name] : undefined) ?? (held.length ? held : undefined);
    if (!chunks) continue;
    for (const {request} of group.origins) if (request && !(request in origins)) origins[request] = chunks;
  }
  return {...manifest, origins};
}

/**
 * Each page's HTML names its own code: the chunks of the routes it renders, after the entry's
 * scripts (runtime~main.js, main.js and its framework half), in the list of scripts
 * src/ssr-template.ts adds after the first paint.
 *
 * Docusaurus's server render notes the modules a page renders through react-loadable (by their
 * import requests, `@site/docs/x.mdx`) and looks up their files in the client manifest. That
 * manifest names each lazy chunk group only by its chunk name, so no file was found, and a page
 * listed only the two entry scripts: its route chunks were requested by main.js once it had run,
 * a network round trip later, each added as a script element in a task of its own (55-120 ms
 * each in the lab at 4x CPU). Listed in the HTML, they download beside main.js; webpack finds them
 * loaded, or finds their script elements and waits for them, and adds none of its own.
 */
export default function routeScriptsInHtml(context: LoadContext): Plugin {
  const manifestPath = join(context.generatedFilesDir, 'client-manifest.json');
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      const plugin = {
        apply(compiler: Compiler) {
          // After emit: react-loadable-ssr-addon writes the manifest as the client build emits.
          compiler.hooks.afterEmit.tap(NAME, (compilation) => {
            const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ClientManifest;
            writeFileSync(manifestPath, JSON.stringify(nameGroupsByRequest(manifest, compilation), null, 2));
          });
        },
      };
      return {plugins: [plugin as never]};
    },
  };
}
