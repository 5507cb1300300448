import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Endpoint, EndpointRequest, EndpointResponse} from './handler';

/**
 * Connects the Web-standard endpoint to node:http without building WHATWG Request/Response
 * objects per call: on this hot path they cost more CPU than the SOAP work itself.
 */
export function createNodeEndpointListener(endpoint: Endpoint) {
  return function handleNodeRequest(req: IncomingMessage, res: ServerResponse): void {
    readBody(req, endpoint.maxBodyBytes).then(
      (body) => {
        if (body === null) {
          send(res, {
            status: 413,
            headers: {'content-type': 'text/plain; charset=utf-8', connection: 'close'},
            body: `Request body is larger than ${endpoint.maxBodyBytes} bytes.`,
          });
          return;
        }
        const request: EndpointRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: flattenHeaders(req),
          body,
        };
        Promise.resolve(endpoint.handle(request)).then(
          (response) => send(res, response),
          () => send(res, {status: 500, headers: {'content-type': 'text/plain; charset=utf-8'}, body: 'Internal error.'}),
        );
      },
      () => {
        // The client went away or sent a broken stream; nothing useful can be answered.
        res.destroy();
      },
    );
  };
}

function flattenHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[i + 1] : `${headers[name]}, ${raw[i + 1]}`;
  }
  return headers;
}

/** Resolves with the body as text, or null once it passes the limit (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: EndpointResponse): void {
  if (res.headersSent) return;
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, {...response.headers, 'content-length': String(body.length)});
  res.end(body);
}
