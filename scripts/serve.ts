// Serves the production build and the SOAP test endpoint from one Node process (npm run serve).
// PORT and HOST come from the environment; SERVE_STATIC=0 serves the endpoint alone.
import {join} from 'node:path';
import {startServer} from '../src/endpoint/node-server';
import {brandingFromEnv} from '../src/branding';
import {createNodeRelay} from '../src/endpoint/node-relay';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = process.env.SERVE_STATIC === '0' ? null : join(__dirname, '..', process.env.BUILD_DIR ?? 'build');
  try {
    // The relay calls public https services only; RELAY_ALLOW_LOOPBACK=1 also lets it call this computer (development, tests).
    const relay = createNodeRelay({allowLoopback: process.env.RELAY_ALLOW_LOOPBACK === '1'});
    const server = await startServer({port, host, buildDir, productName: brandingFromEnv(process.env).productName, relay});
    console.log(`Serving ${buildDir ? 'the help center and ' : ''}the QBWC test endpoint at ${server.url}`);
    console.log(`  SOAP endpoint: ${server.url}/qbwc   WSDL: ${server.url}/qbwc?wsdl`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`Could not start the server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
