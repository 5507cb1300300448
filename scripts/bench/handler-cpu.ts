// The endpoint's own CPU per session with no HTTP around it: what parsing, the service and
// building the answers cost. Run with `npx tsx scripts/bench/handler-cpu.ts`.
import {createEndpoint} from '../../src/endpoint/handler';
import {buildRequest, parseResponse} from '../../src/qbwc/soap';

const endpoint = createEndpoint();
const TICKET_SLOT = '00000000-TICKET-SLOT-0000';
const headers = (method: string) => ({
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"http://developer.intuit.com/${method}"`,
  host: 'localhost',
});
const qbxmlResponse =
  '<?xml version="1.0" ?>\n<QBXML>\n<QBXMLMsgsRs>\n<CompanyQueryRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">\n<CompanyRet><CompanyName>Bench Co</CompanyName></CompanyRet>\n</CompanyQueryRs>\n</QBXMLMsgsRs>\n</QBXML>\n';

async function main(): Promise<void> {
  const issuedReply = await endpoint.handle({
    method: 'POST',
    url: '/qbwc/connections',
    headers: {'content-type': 'application/json', host: 'localhost'},
    body: '{}',
  });
  const issued = JSON.parse(issuedReply.body) as {userName: string; password: string};
  // Requests are built once, outside the measured loop, with a slot for each session's ticket.
  const requests: [string, string][] = [
    ['serverVersion', buildRequest('serverVersion', {})],
    ['clientVersion', buildRequest('clientVersion', {strVersion: '2.3.0.215'})],
    ['authenticate', buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password})],
    [
      'sendRequestXML',
      buildRequest('sendRequestXML', {
        ticket: TICKET_SLOT,
        strHCPResponse: '',
        strCompanyFileName: '',
        qbXMLCountry: 'US',
        qbXMLMajorVers: '13',
        qbXMLMinorVers: '0',
      }),
    ],
    [
      'receiveResponseXML',
      buildRequest('receiveResponseXML', {ticket: TICKET_SLOT, response: qbxmlResponse, hresult: '', message: ''}),
    ],
    ['closeConnection', buildRequest('closeConnection', {ticket: TICKET_SLOT})],
  ];
  const probe = parseResponse(
    (await endpoint.handle({method: 'POST', url: '/qbwc', headers: headers('authenticate'), body: requests[2]![1]})).body,
  );
  const ticketLength = ((probe.result as string[])[0] ?? '').length;

  async function session(): Promise<void> {
    let ticket = '';
    for (const [method, body] of requests) {
      const answer = await endpoint.handle({
        method: 'POST',
        url: '/qbwc',
        headers: headers(method),
        body: ticket ? body.replace(TICKET_SLOT, ticket) : body,
      });
      if (method === 'authenticate') {
        const at = answer.body.indexOf('<string>') + 8;
        ticket = answer.body.slice(at, at + ticketLength);
      }
    }
  }
  for (let i = 0; i < 3000; i++) await session();
  const sessions = 10_000;
  const before = process.cpuUsage();
  for (let i = 0; i < sessions; i++) await session();
  const used = process.cpuUsage(before);
  console.log(
    `endpoint handler alone (no HTTP): ${((used.user + used.system) / sessions / 1000).toFixed(3)} ms CPU per session over ${sessions} sessions`,
  );
}

void main();
