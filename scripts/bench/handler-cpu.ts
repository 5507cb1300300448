// The endpoint's own CPU per session with no HTTP around it: what parsing, the service and
// building the answers cost. Run with `npx tsx scripts/bench/handler-cpu.ts` (also part of npm run bench).
import {createEndpoint} from '../../src/endpoint/handler';
import {buildRequest, parseResponse} from '../../src/qbwc/soap';

const endpoint = createEndpoint();
const headers = (method: string) => ({
  'content-type': 'text/xml; charset=utf-8',
  soapaction: `"http://developer.intuit.com/${method}"`,
  host: 'localhost',
});

async function main(): Promise<void> {
  const issuedReply = await endpoint.handle({method: 'POST', url: '/qbwc/connections', headers: {'content-type': 'application/json', host: 'localhost'}, body: '{}'});
  const issued = JSON.parse(issuedReply.body) as {userName: string; password: string};
  const fixed = {
    serverVersion: buildRequest('serverVersion', {}),
    clientVersion: buildRequest('clientVersion', {strVersion: '2.3.0.215'}),
    authenticate: buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password}),
  };
  const response = '<?xml version="1.0" ?>\n<QBXML>\n<QBXMLMsgsRs>\n<CompanyQueryRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK">\n<CompanyRet><CompanyName>Bench Co</CompanyName></CompanyRet>\n</CompanyQueryRs>\n</QBXMLMsgsRs>\n</QBXML>\n';

  const call = async (method: string, body: string) => (await endpoint.handle({method: 'POST', url: '/qbwc', headers: headers(method), body})).body;
  async function session(): Promise<void> {
    await call('serverVersion', fixed.serverVersion);
    await call('clientVersion', fixed.clientVersion);
    const auth = parseResponse(await call('authenticate', fixed.authenticate));
    const ticket = (auth.result as string[])[0] ?? '';
    await call('sendRequestXML', buildRequest('sendRequestXML', {ticket, strHCPResponse: '', strCompanyFileName: '', qbXMLCountry: 'US', qbXMLMajorVers: '13', qbXMLMinorVers: '0'}));
    await call('receiveResponseXML', buildRequest('receiveResponseXML', {ticket, response, hresult: '', message: ''}));
    await call('closeConnection', buildRequest('closeConnection', {ticket}));
  }
  for (let i = 0; i < 2000; i++) await session();
  const sessions = 5000;
  const before = process.cpuUsage();
  for (let i = 0; i < sessions; i++) await session();
  const used = process.cpuUsage(before);
  console.log(`handler only (no HTTP, includes building the requests and parsing the answers): ${((used.user + used.system) / sessions / 1000).toFixed(3)} ms CPU per session over ${sessions} sessions`);
}

void main();
