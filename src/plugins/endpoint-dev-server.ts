import type {LoadContext, Plugin} from '@docusaurus/types';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {endpointConfigFromEnv} from '../endpoint/config';
import {createEndpoint} from '../endpoint/handler';
import {createNodeEndpointListener} from '../endpoint/node-adapter';
import {createFileFeedbackSink} from '../endpoint/node-feedback';

interface DevMiddleware {
  name: string;
  path: string;
  middleware: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * `npm start` serves the SOAP test endpoint on the dev server's own origin, at its base path (/qbwc), so the
 * connection flow and a real Web Connector can reach it while the docs hot-reload.
 */
export default function endpointDevServer(_context: LoadContext): Plugin {
  return {
    name: 'qbwc-endpoint-dev-server',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      // The same settings `npm run serve` reads, so branding reaches the WSDL and issued .qwc files.
      const config = endpointConfigFromEnv(process.env);
      const listener = createNodeEndpointListener(
        createEndpoint({config, ...(config.feedbackFile ? {feedback: createFileFeedbackSink(config.feedbackFile)} : {})}),
      );
      const devServer = {
        setupMiddlewares(middlewares: DevMiddleware[]) {
          middlewares.unshift({
            name: 'qbwc-endpoint',
            path: config.basePath,
            // Mounted on a path, connect strips it from req.url; the endpoint expects the full path.
            middleware: (req, res) => {
              req.url = req.originalUrl ?? `${config.basePath}${req.url === '/' ? '' : (req.url ?? '')}`;
              listener(req, res);
            },
          });
          return middlewares;
        },
      };
      return {devServer} as never;
    },
  };
}

declare module 'node:http' {
  interface IncomingMessage {
    originalUrl?: string;
  }
}
