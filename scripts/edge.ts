// `npm run edge`: the endpoint as a Cloudflare Worker in workerd (Miniflare), on PORT (default 8787)
// and HOST, with the production build as its static assets when build/ exists.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {startEdge} from './edge-runtime';

async function main(): Promise<void> {
  const buildDir = join(__dirname, '..', process.env.BUILD_DIR ?? 'build');
  const assetsDir = existsSync(join(buildDir, 'index.html')) ? buildDir : undefined;
  const bindings: Record<string, string> = {};
  for (const name of ['PUBLIC_ORIGIN', 'CONNECTIONS_CORS_ORIGINS', 'BRAND_PRODUCT_NAME']) {
    const value = process.env[name];
    if (value) bindings[name] = value;
  }
  try {
    const edge = await startEdge({
      port: Number(process.env.PORT ?? 8787),
      host: process.env.HOST ?? '127.0.0.1',
      bindings,
      ...(assetsDir ? {assetsDir} : {}),
    });
    console.log(`Serving ${assetsDir ? 'the help center and ' : ''}the QBWC test endpoint as a Worker at ${edge.url}`);
    if (!assetsDir) console.log('  (no build/ yet: run "npm run build" to serve the site as assets too)');
    const stop = () => void edge.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`Could not start the Worker: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
