// The ceiling: node:http answering each Web Connector call with a canned envelope chosen by the
// SOAPAction header. No parsing, no sessions, no checks: nothing a real service could skip.
// Prints {"port": N} on stdout once listening on 127.0.0.1.
import {createServer} from 'node:http';
import {buildResponse, COMPANY_QUERY_QBXML} from './envelopes.mjs';

const TICKET = '{7C0B5E2A-4D19-4F3E-9A61-0E8D2B4C6F17}';
const canned = new Map(
  Object.entries({
    serverVersion: buildResponse('serverVersion', 'bare 1.0'),
    clientVersion: buildResponse('clientVersion', ''),
    authenticate: buildResponse('authenticate', {string: [TICKET, '']}),
    sendRequestXML: buildResponse('sendRequestXML', COMPANY_QUERY_QBXML),
    receiveResponseXML: buildResponse('receiveResponseXML', '100'),
    closeConnection: buildResponse('closeConnection', 'OK'),
  }).map(([operation, xml]) => [`"http://developer.intuit.com/${operation}"`, Buffer.from(xml)]),
);

const server = createServer((req, res) => {
  const answer = canned.get(req.headers.soapaction ?? '');
  // Drain the body before answering, as any real server must.
  req.resume();
  req.on('end', () => {
    if (!answer) {
      res.writeHead(404, {'content-type': 'text/plain'});
      res.end('unknown SOAPAction');
      return;
    }
    res.writeHead(200, {'content-type': 'text/xml; charset=utf-8', 'content-length': answer.length});
    res.end(answer);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({port: server.address().port}));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
