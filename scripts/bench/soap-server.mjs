// The common Node SOAP stack: the `soap` package serving our endpoint's own WSDL, with handlers that
// do what a minimal Web Connector service does. Usage: node soap-server.mjs <wsdl-file>.
// Prints {"port": N} on stdout once listening on 127.0.0.1.
import {createServer} from 'node:http';
import {randomUUID, timingSafeEqual} from 'node:crypto';
import {readFileSync} from 'node:fs';
import soap from 'soap';
import {XMLParser} from 'fast-xml-parser';
import {BENCH_PASSWORD, BENCH_USER, COMPANY_QUERY_QBXML} from './envelopes.mjs';

const wsdlFile = process.argv[2];
if (!wsdlFile) {
  console.error('usage: node scripts/bench/soap-server.mjs <wsdl-file>');
  process.exit(2);
}
const wsdl = readFileSync(wsdlFile, 'utf8');

const expectedPassword = Buffer.from(BENCH_PASSWORD);
const tickets = new Set();

function passwordMatches(password) {
  const given = Buffer.from(String(password ?? ''));
  return given.length === expectedPassword.length && timingSafeEqual(given, expectedPassword);
}

const operations = {
  serverVersion: () => ({serverVersionResult: 'soap bench 1.0'}),
  clientVersion: () => ({clientVersionResult: ''}),
  authenticate: ({strUserName, strPassword}) => {
    if (strUserName !== BENCH_USER || !passwordMatches(strPassword)) {
      return {authenticateResult: {string: ['', 'nvu']}};
    }
    const ticket = randomUUID();
    tickets.add(ticket);
    return {authenticateResult: {string: [ticket, '']}};
  },
  sendRequestXML: ({ticket}) => ({sendRequestXMLResult: tickets.has(ticket) ? COMPANY_QUERY_QBXML : ''}),
  receiveResponseXML: ({ticket, hresult}) => ({receiveResponseXMLResult: tickets.has(ticket) && !hresult ? 100 : -101}),
  closeConnection: ({ticket}) => {
    tickets.delete(ticket);
    return {closeConnectionResult: 'OK'};
  },
};

// The soap package keys handlers by the WSDL's service and port names, so read them from the WSDL.
const definitions = new XMLParser({removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: ''}).parse(
  wsdl,
).definitions;
const services = {};
for (const service of [definitions.service].flat()) {
  services[service.name] = {};
  for (const port of [service.port].flat()) services[service.name][port.name] = operations;
}

const server = createServer((req, res) => {
  res.writeHead(404);
  res.end();
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  soap.listen(server, '/qbwc', services, wsdl, (error) => {
    if (error) {
      console.error(`soap could not load the WSDL: ${error.message ?? error}`);
      process.exit(1);
    }
    console.log(JSON.stringify({port: server.address().port}));
  });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
