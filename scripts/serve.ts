// Serves the production build and the SOAP test endpoint from one Node process (npm run serve).
// Settings come from the environment (see the README's settings table); SERVE_STATIC=0 serves the
// endpoint alone; with REDIS_URL set, credentials and sessions live in Redis so several instances
// can share them.
import {resolve} from 'node:path';
import {startServer, describeInternalError} from '../src/endpoint/node-server';
import {endpointConfigFromEnv} from '../src/endpoint/config';
import {createRedisSessionStore} from '../src/endpoint/store/redis';
import {createNodeRelay} from '../src/endpoint/node-relay';
import {createFileFeedbackSink} from '../src/endpoint/node-feedback';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = process.env.SERVE_STATIC === '0' ? null : resolve(__dirname, '..', process.env.BUILD_DIR ?? 'build');
  try {
    const config = endpointConfigFromEnv(process.env);
    const store = process.env.REDIS_URL
      ? createRedisSessionStore({url: process.env.REDIS_URL, onUnavailable: reportStoreDown})
      : undefined;
    if (store && !(await store.ready())) console.error('Redis is not reachable yet; the endpoint answers 503 until it is.');
    const server = await startServer({
      port,
      host,
      buildDir,
      config,
      ...(store ? {store} : {}),
      // The relay calls public https services only; RELAY_ALLOW_LOOPBACK=1 also lets it call this
      // computer (development and the tests).
      relay: createNodeRelay({allowLoopback: process.env.RELAY_ALLOW_LOOPBACK === '1'}),
      // "Was this page helpful?" votes are kept only when FEEDBACK_FILE names a file to append them to.
      ...(config.feedbackFile ? {feedback: createFileFeedbackSink(config.feedbackFile)} : {}),
    });
    console.log(`Serving ${buildDir ? 'the help center and ' : ''}the QBWC test endpoint at ${server.url}`);
    console.log(`  SOAP endpoint: ${server.url}${config.basePath}   WSDL: ${server.url}${config.basePath}?wsdl`);
    console.log(`  Sessions: ${store ? 'in Redis (REDIS_URL)' : 'in this process'}`);
    console.log(
      `  Page feedback: ${config.feedbackFile ? `appended to ${config.feedbackFile}` : 'not recorded (FEEDBACK_FILE is not set)'}`,
    );
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

function reportStoreDown(error: unknown): void {
  console.error(
    `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); answering 503 until it is back.`,
  );
}

void main();
