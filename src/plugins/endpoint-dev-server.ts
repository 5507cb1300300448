import type {LoadContext, Plugin} from '@docusaurus/types';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createEndpoint} from '../endpoint/handler';
import {createNodeEndpointListener} from '../endpoint/node-adapter';

interface DevMiddleware {
  name: string;
  path: string;
  middleware: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * `npm start` serves the SOAP test endpoint on the dev server's own origin, at /qbwc, so the
 * connection flow and a real Web Connector can reach it while the docs hot-reload.
 */
export default function endpointDevServer(_context: LoadContext, options: unknown): Plugin {
  const {productName} = (options ?? {}) as {productName?: string};
  return {
    name: 'qbwc-endpoint-dev-server',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      const listener = createNodeEndpointListener(createEndpoint({productName}));
      const devServer = {
        setupMiddlewares(middlewares: DevMiddleware[]) {
          middlewares.unshift({
            name: 'qbwc-endpoint',
            path: '/qbwc',
            // Mounted on a path, connect strips it from req.url; the endpoint expects the full path.
            middleware: (req, res) => {
              req.url = req.originalUrl ?? `/qbwc${req.url === '/' ? '' : (req.url ?? '')}`;
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
