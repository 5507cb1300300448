import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Endpoint, EndpointRequest, EndpointResponse} from './handler';

/**
 * Connects the Web-standard endpoint to node:http without building WHATWG Request/Response
 * objects per call: on this hot path they cost more CPU than the SOAP work itself. For the same
 * reason the body is read with plain callbacks and a synchronous answer is sent without a promise.
 */
export function createNodeEndpointListener(endpoint: Endpoint) {
  return function handleNodeRequest(req: IncomingMessage, res: ServerResponse): void {
    readBody(req, endpoint.maxBodyBytes, (body) => {
      if (body === null) {
        // Stop reading and close: the rest of an oversized body is not worth receiving.
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
        headers: req.headers as Record<string, string | undefined>,
        body,
        clientAddress: req.socket.remoteAddress,
      };
      let answer: EndpointResponse | Promise<EndpointResponse>;
      try {
        answer = endpoint.handle(request);
      } catch {
        send(res, INTERNAL_ERROR);
        return;
      }
      if (answer instanceof Promise) {
        answer.then(
          (response) => send(res, response),
          () => send(res, INTERNAL_ERROR),
        );
      } else {
        send(res, answer);
      }
    });
  };
}

const INTERNAL_ERROR: EndpointResponse = {
  status: 500,
  headers: {'content-type': 'text/plain; charset=utf-8'},
  body: 'Internal error.',
};

/** Calls back with the body as text, or with null once it passes the limit (reading stops there). */
function readBody(req: IncomingMessage, limit: number, done: (body: string | null) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    done(null);
    return;
  }
  let first: Buffer | null = null;
  let rest: Buffer[] | null = null;
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > limit) {
      over = true;
      first = null;
      rest = null;
      done(null);
      return;
    }
    if (first === null) first = chunk;
    else (rest ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (over) return;
    if (rest !== null) done(Buffer.concat(rest).toString('utf8'));
    else done(first === null ? '' : (first as Buffer).toString('utf8'));
  });
  req.on('error', () => {
    // The client went away or sent a broken stream; nothing useful can be answered.
    over = true;
    req.destroy();
  });
}

function send(response: ServerResponse, answer: EndpointResponse): void {
  if (response.headersSent) return;
  // One flat header list handed to writeHead is cheaper than a setHeader call per header.
  const headers: string[] = [];
  for (const name in answer.headers) headers.push(name, answer.headers[name]!);
  headers.push('content-length', String(Buffer.byteLength(answer.body)));
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
