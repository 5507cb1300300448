import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Endpoint, EndpointRequest, EndpointResponse} from './handler';

/**
 * Connects the Web-standard endpoint to node:http without building WHATWG Request/Response
 * objects per call: on this hot path they cost more CPU than the SOAP work itself. For the same
 * reason the body is read with plain callbacks and a synchronous answer is sent without a promise.
 */
export interface NodeListenerOptions {
  /** Headers added to every answer (the security headers), written once into a flat list. */
  headers?: Readonly<Record<string, string>>;
  /** Told about an exception the endpoint let through (the endpoint reports its own). */
  onInternalError?: (error: unknown) => void;
}

/** How much of a refused body is still read (and dropped) so the client gets to read the 413. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_LIMIT_MS = 5_000;

export function createNodeEndpointListener(endpoint: Endpoint, options: NodeListenerOptions = {}) {
  const extraHeaders: string[] = [];
  for (const name in options.headers) extraHeaders.push(name, options.headers[name]!);
  const send = (res: ServerResponse, answer: EndpointResponse) => sendAnswer(res, answer, extraHeaders);
  return function handleNodeRequest(req: IncomingMessage, res: ServerResponse): void {
    readBody(req, endpoint.maxBodyBytes, (body) => {
      if (body === null) {
        refuseOversized(req, res, tooLarge(endpoint.maxBodyBytes), extraHeaders);
        return;
      }
      const request: EndpointRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers as Record<string, string | undefined>,
        body,
      };
      let answer: EndpointResponse | Promise<EndpointResponse>;
      try {
        answer = endpoint.handle(request);
      } catch (error) {
        options.onInternalError?.(error);
        send(res, INTERNAL_ERROR);
        return;
      }
      if (answer instanceof Promise) {
        answer.then(
          (response) => send(res, response),
          (error: unknown) => {
            options.onInternalError?.(error);
            send(res, INTERNAL_ERROR);
          },
        );
      } else {
        send(res, answer);
      }
    });
  };
}

export function tooLarge(limit: number): EndpointResponse {
  return {
    status: 413,
    headers: {'content-type': 'text/plain; charset=utf-8', connection: 'close'},
    body: `Request body is larger than ${limit} bytes.`,
  };
}

/**
 * Sends the 413 at once but ends the response only after the rest of the body has been read and
 * dropped (up to a bound): closing a socket with unread data in it resets the connection, and a
 * client still sending (Node's fetch does not wait for 100-continue) would see the reset instead
 * of the answer. Past the bound the connection is cut.
 */
export function refuseOversized(
  req: IncomingMessage,
  res: ServerResponse,
  answer: EndpointResponse,
  extraHeaders: readonly string[] = [],
): void {
  writeAnswerHead(res, answer, extraHeaders);
  res.write(answer.body);
  let drained = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.removeListener('data', onData);
    res.end();
    if (!req.complete) req.destroy();
  };
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) finish();
  };
  const timer = setTimeout(finish, DRAIN_LIMIT_MS);
  timer.unref?.();
  req.on('data', onData);
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
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
    done(null);
    return;
  }
  let first: Buffer | null = null;
  let rest: Buffer[] | null = null;
  let size = 0;
  let over = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      over = true;
      first = null;
      rest = null;
      req.removeListener('data', onData);
      done(null);
      return;
    }
    if (first === null) first = chunk;
    else (rest ??= [first]).push(chunk);
  };
  req.on('data', onData);
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

function writeAnswerHead(response: ServerResponse, answer: EndpointResponse, extraHeaders: readonly string[]): void {
  // One flat header list handed to writeHead is cheaper than a setHeader call per header.
  const headers: string[] = [];
  for (const name in answer.headers) headers.push(name, answer.headers[name]!);
  for (let i = 0; i < extraHeaders.length; i += 2) {
    if (answer.headers[extraHeaders[i]!] === undefined) headers.push(extraHeaders[i]!, extraHeaders[i + 1]!);
  }
  headers.push('content-length', String(Buffer.byteLength(answer.body)));
  response.writeHead(answer.status, headers);
}

function sendAnswer(response: ServerResponse, answer: EndpointResponse, extraHeaders: readonly string[]): void {
  if (response.headersSent || response.destroyed) return;
  writeAnswerHead(response, answer, extraHeaders);
  response.end(answer.body);
}
