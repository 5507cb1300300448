/** Sends one hostile request over HTTP (or a raw socket when its Content-Length lies). */
import {request} from 'node:http';
import {connect} from 'node:net';
import type {HostileRequest} from './hostile-requests';

export interface Answer {
  status: number;
  contentType: string;
  body: string;
  ms: number;
}

export type Outcome = {answer: Answer} | {error: string; ms: number};

export function send(baseUrl: string, hostile: HostileRequest, timeoutMs: number): Promise<Outcome> {
  return hostile.declaredLength === undefined ? sendHttp(baseUrl, hostile, timeoutMs) : sendRaw(baseUrl, hostile, timeoutMs);
}

function sendHttp(baseUrl: string, hostile: HostileRequest, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (!settled) {
        settled = true;
        done(outcome);
      }
    };
    let req;
    try {
      req = request(`${baseUrl}${hostile.path}`, {method: hostile.method, headers: hostile.headers, agent: false}, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          finish({
            answer: {
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            },
          }),
        );
        res.on('error', (error) => finish({error: `response ${error.message}`, ms: performance.now() - started}));
      });
    } catch (error) {
      // Node refused to send it (an invalid header, say): not the server's doing.
      finish({error: `client-refused ${(error as Error).message}`, ms: 0});
      return;
    }
    req.setTimeout(timeoutMs, () => {
      finish({error: 'timeout', ms: performance.now() - started});
      req.destroy();
    });
    req.on('error', (error) =>
      finish({error: (error as NodeJS.ErrnoException).code ?? error.message, ms: performance.now() - started}),
    );
    req.end(hostile.body.length > 0 ? hostile.body : undefined);
  });
}

function sendRaw(baseUrl: string, hostile: HostileRequest, timeoutMs: number): Promise<Outcome> {
  const {hostname, port} = new URL(baseUrl);
  const started = performance.now();
  return new Promise((done) => {
    const socket = connect(Number(port), hostname, () => {
      const head =
        `${hostile.method} ${hostile.path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n` +
        Object.entries(hostile.headers)
          .map(([name, value]) => `${name}: ${value}\r\n`)
          .join('') +
        `Content-Length: ${hostile.declaredLength}\r\n\r\n`;
      socket.write(head);
      socket.end(hostile.body);
    });
    let data = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const ms = performance.now() - started;
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      const split = data.indexOf('\r\n\r\n');
      const head = split === -1 ? data : data.slice(0, split);
      const contentType = /\r\ncontent-type: *([^\r]*)/i.exec(head)?.[1] ?? '';
      const body = split === -1 ? '' : Buffer.from(data.slice(split + 4), 'latin1').toString('utf8');
      // An incomplete request may be closed without an answer; a hang is what counts.
      if (ms >= timeoutMs) done({error: 'timeout', ms});
      else done({answer: {status: status ? Number(status[1]) : 0, contentType, body, ms}});
    });
  });
}
