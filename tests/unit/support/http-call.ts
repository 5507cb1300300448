import {request} from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request to a test server, answered with its status, headers and whole body. */
export function call(
  url: string,
  options: {method?: string; headers?: Record<string, string>; body?: string | Buffer} = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, {method: options.method ?? 'GET', headers: options.headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}
