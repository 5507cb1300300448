// Serves the production build and the SOAP test endpoint from one Node process (npm run serve).
// PORT and HOST come from the environment; SERVE_STATIC=0 serves the endpoint alone; with REDIS_URL
// set, credentials and sessions live in Redis so several instances can share them.
import {join} from 'node:path';
import {startServer} from '../src/endpoint/node-server';
import {brandingFromEnv} from '../src/branding';
import {createRedisSessionStore} from '../src/endpoint/store/redis';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = process.env.SERVE_STATIC === '0' ? null : join(__dirname, '..', process.env.BUILD_DIR ?? 'build');
  try {
    const store = process.env.REDIS_URL
      ? createRedisSessionStore({url: process.env.REDIS_URL, onUnavailable: reportStoreDown})
      : undefined;
    if (store && !(await store.ready())) console.error('Redis is not reachable yet; the endpoint answers 503 until it is.');
    const server = await startServer({
      port,
      host,
      buildDir,
      productName: brandingFromEnv(process.env).productName,
      ...(store ? {store} : {}),
      ...(process.env.CONNECTIONS_CORS_ORIGINS
        ? {connectionsCorsOrigins: process.env.CONNECTIONS_CORS_ORIGINS.split(',').map((origin) => origin.trim())}
        : {}),
    });
    console.log(`Serving ${buildDir ? 'the help center and ' : ''}the QBWC test endpoint at ${server.url}`);
    console.log(`  SOAP endpoint: ${server.url}/qbwc   WSDL: ${server.url}/qbwc?wsdl`);
    console.log(`  Sessions: ${store ? 'in Redis (REDIS_URL)' : 'in this process'}`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`Could not start the server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function reportStoreDown(error: unknown): void {
  console.error(
    `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); answering 503 until it is back.`,
  );
}

void main();
