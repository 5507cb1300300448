// Serves the production build and the SOAP test endpoint from one Node process.
// PORT and HOST come from the environment; SERVE_STATIC=0 serves the endpoint alone.
import {register} from 'tsx/esm/api';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const {startServer} = await import('../src/endpoint/node-server.ts');
const {brandingFromEnv} = await import('../src/branding.ts');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const buildDir = process.env.SERVE_STATIC === '0' ? null : join(root, process.env.BUILD_DIR ?? 'build');

try {
  const server = await startServer({port, host, buildDir, productName: brandingFromEnv(process.env).productName});
  console.log(`Serving ${buildDir ? 'the help center and ' : ''}the QBWC test endpoint at ${server.url}`);
  console.log(`  SOAP endpoint: ${server.url}/qbwc   WSDL: ${server.url}/qbwc?wsdl`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
