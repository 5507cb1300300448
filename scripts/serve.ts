// Serves the production build and the SOAP test endpoint from one Node process (npm run serve).
// Settings come from the environment (see the README's settings table); SERVE_STATIC=0 serves the
// endpoint alone.
import {resolve} from 'node:path';
import {startServer, describeInternalError} from '../src/endpoint/node-server';
import {endpointConfigFromEnv} from '../src/endpoint/config';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = process.env.SERVE_STATIC === '0' ? null : resolve(__dirname, '..', process.env.BUILD_DIR ?? 'build');
  try {
    const config = endpointConfigFromEnv(process.env);
    const server = await startServer({
      port,
      host,
      buildDir,
      productName: config.branding.productName,
      appName: config.branding.appName,
      helpUrl: config.branding.supportUrl,
      trustProxy: config.trustProxy,
      limits: config.limits,
      ...(config.publicOrigin ? {publicOrigin: config.publicOrigin} : {}),
    });
    console.log(`Serving ${buildDir ? 'the help center and ' : ''}the QBWC test endpoint at ${server.url}`);
    console.log(`  SOAP endpoint: ${server.url}/qbwc   WSDL: ${server.url}/qbwc?wsdl`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Last line of defence: an error thrown outside any request's try (a stream's unhandled
    // 'error', say) is logged like the others and the server keeps answering.
    process.on('uncaughtException', (error) => console.error(describeInternalError(error)));
  } catch (error) {
    console.error(`Could not start the server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
