import {describe, expect, it} from 'vitest';
import {
  createQuickBooksSimulator,
  HRESULT_COULD_NOT_START,
  HRESULT_PARSE_ERROR,
  MESSAGE_COULD_NOT_START,
  MESSAGE_PARSE_ERROR,
} from '../../../src/qbwc/quickbooks-simulator';
import {buildQbxmlRequest, parseQbxml} from '../../../src/qbwc/qbxml';

describe('QuickBooks simulator', () => {
  const simulator = createQuickBooksSimulator({openCompanyFile: 'C:\\Books\\Main.qbw', companyName: 'Main & Sons'});

  it('opens the open file for "" or its own path (any case), and fails like QuickBooks otherwise', () => {
    expect(simulator.openCompanyFileFor('')).toEqual({ok: true, companyFile: 'C:\\Books\\Main.qbw'});
    expect(simulator.openCompanyFileFor('c:/books/main.QBW')).toEqual({ok: true, companyFile: 'C:\\Books\\Main.qbw'});
    expect(simulator.openCompanyFileFor('C:\\Books\\Other.qbw')).toEqual({
      ok: false,
      hresult: HRESULT_COULD_NOT_START,
      message: MESSAGE_COULD_NOT_START,
    });
    expect(HRESULT_COULD_NOT_START).toBe('0x80040408');
  });

  it('produces a Host/Company/Preferences response QuickBooks-style', () => {
    const doc = parseQbxml(simulator.hostCompanyPreferencesResponse());
    expect(doc.kind).toBe('response');
    expect(doc.messages.map((m) => m.name)).toEqual(['HostQueryRs', 'CompanyQueryRs', 'PreferencesQueryRs']);
    expect(doc.messages.every((m) => m.attributes.statusCode === '0')).toBe(true);
    const company = doc.messages[1]!.body.CompanyRet as Record<string, unknown>;
    expect(company.CompanyName).toBe('Main & Sons');
  });

  it('answers CompanyQueryRq with the company, echoing requestID', () => {
    const result = simulator.processRequest(
      buildQbxmlRequest([{name: 'CompanyQueryRq', attributes: {requestID: '9'}, body: {}}]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = parseQbxml(result.response);
    expect(doc.messages[0]).toMatchObject({name: 'CompanyQueryRs', attributes: {requestID: '9', statusCode: '0'}});
  });

  it('answers unmodelled requests with a no-match status', () => {
    const result = simulator.processRequest(
      buildQbxmlRequest([{name: 'InvoiceQueryRq', attributes: {requestID: '2'}, body: {}}]),
    );
    expect(result.ok && parseQbxml(result.response).messages[0]!.attributes.statusCode).toBe('1');
  });

  it.each([
    ['truncated XML', buildQbxmlRequest([{name: 'CompanyQueryRq', attributes: {}, body: {}}]).slice(0, -8)],
    [
      'a missing qbxml header',
      '<?xml version="1.0"?><QBXML><QBXMLMsgsRq onError="stopOnError"><CompanyQueryRq/></QBXMLMsgsRq></QBXML>',
    ],
    [
      'a newer qbXML version than supported',
      buildQbxmlRequest([{name: 'CompanyQueryRq', attributes: {}, body: {}}], {version: '99.0'}),
    ],
    ['an empty request set', buildQbxmlRequest([])],
    ['plain text', 'hello'],
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE x><QBXML/>'],
  ])('fails with 0x80040400 for %s', (_label, qbxml) => {
    expect(simulator.processRequest(qbxml)).toEqual({ok: false, hresult: HRESULT_PARSE_ERROR, message: MESSAGE_PARSE_ERROR});
  });
});
