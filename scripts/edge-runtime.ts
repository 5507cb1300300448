// Bundles src/endpoint/worker.ts for workerd and runs it under Miniflare (npm run edge, the edge
// test and the bench). The bundle is built for the browser platform, so any Node-only import
// fails the build instead of reaching the Worker.
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {build, type Metafile} from 'esbuild';
import {Miniflare} from 'miniflare';

const ROOT = join(__dirname, '..');
export const WORKER_ENTRY = join(ROOT, 'src', 'endpoint', 'worker.ts');
// Workers JS RPC to Durable Objects needs a date from 2024-04-03 on.
const COMPATIBILITY_DATE = '2025-06-01';

export interface WorkerBundle {
  path: string;
  /** Every module in the bundle, and every import that was left out of it. */
  metafile: Metafile;
}

export async function buildWorker(outDir = join(ROOT, 'node_modules', '.cache', 'qbwc-edge')): Promise<WorkerBundle> {
  mkdirSync(outDir, {recursive: true});
  const path = join(outDir, 'worker.mjs');
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    outfile: path,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    external: ['cloudflare:workers'],
    metafile: true,
    logLevel: 'silent',
  });
  return {path, metafile: result.metafile};
}

export interface EdgeOptions {
  port?: number;
  host?: string;
  /** The built site, served as the Worker's static assets. */
  assetsDir?: string;
  bindings?: Record<string, string>;
  /** Keep Durable Object storage in this folder (default: in memory, gone when workerd stops). */
  persistDir?: string;
}

export interface RunningEdge {
  url: string;
  miniflare: Miniflare;
  close(): Promise<void>;
}

export async function startEdge(options: EdgeOptions = {}): Promise<RunningEdge> {
  const bundle = await buildWorker();
  const miniflare = new Miniflare({
    modules: true,
    scriptPath: bundle.path,
    compatibilityDate: COMPATIBILITY_DATE,
    durableObjects: {SESSIONS: 'SessionStoreObject'},
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.bindings ? {bindings: options.bindings} : {}),
    ...(options.persistDir ? {durableObjectsPersist: options.persistDir} : {}),
    // A request no asset matches goes on to the Worker (the endpoint under /qbwc).
    ...(options.assetsDir
      ? {assets: {directory: options.assetsDir, binding: 'ASSETS', routerConfig: {has_user_worker: true}}}
      : {}),
  });
  const url = (await miniflare.ready).toString().replace(/\/$/, '');
  return {url, miniflare, close: () => miniflare.dispose()};
}
