/**
 * The small amount of qbXML the test service sends and the QuickBooks simulator answers: request
 * and response message sets, built and read with fast-xml-parser.
 */
import {XMLBuilder, XMLParser, XMLValidator} from 'fast-xml-parser';

export const QBXML_VERSION = '13.0';

export interface QbxmlMessage {
  /** Element name, e.g. 'CompanyQueryRq' or 'CompanyQueryRs'. */
  name: string;
  /** Attributes without prefix, e.g. {requestID: '1', statusCode: '0'}. */
  attributes: Record<string, string>;
  /** Child elements as fast-xml-parser objects (attributes under '@_'). */
  body: Record<string, unknown>;
}

export interface QbxmlDocument {
  /** From `<?qbxml version="…"?>`; '' when the header is missing (QuickBooks then refuses the request). */
  version: string;
  kind: 'request' | 'response';
  /** onError of a request set ('stopOnError' or 'continueOnError'). */
  onError: string;
  messages: QbxmlMessage[];
}

export class QbxmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QbxmlError';
  }
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  format: false,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: 64,
});

function toAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) out[`@_${name}`] = value;
  return out;
}

function messagesNode(messages: readonly QbxmlMessage[]): Record<string, unknown> {
  const node: Record<string, unknown[]> = {};
  for (const message of messages) {
    (node[message.name] ??= []).push({...toAttributes(message.attributes), ...message.body});
  }
  return node;
}

/** `<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError=…>…` */
export function buildQbxmlRequest(
  messages: readonly QbxmlMessage[],
  options: {version?: string; onError?: 'stopOnError' | 'continueOnError'} = {},
): string {
  return builder.build({
    '?xml': {'@_version': '1.0'},
    '?qbxml': {'@_version': options.version ?? QBXML_VERSION},
    QBXML: {QBXMLMsgsRq: {'@_onError': options.onError ?? 'stopOnError', ...messagesNode(messages)}},
  }) as string;
}

/** The response QuickBooks would send back: no qbxml header, a QBXMLMsgsRs set. */
export function buildQbxmlResponse(messages: readonly QbxmlMessage[]): string {
  return builder.build({
    '?xml': {'@_version': '1.0'},
    QBXML: {QBXMLMsgsRs: messagesNode(messages)},
  }) as string;
}

function readMessages(set: Record<string, unknown>): QbxmlMessage[] {
  const messages: QbxmlMessage[] = [];
  for (const [name, value] of Object.entries(set)) {
    if (name.startsWith('@_') || name === '#text') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const attributes: Record<string, string> = {};
      const body: Record<string, unknown> = {};
      if (item !== null && typeof item === 'object') {
        for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
          if (key.startsWith('@_')) attributes[key.slice(2)] = String(child);
          else body[key] = child;
        }
      }
      messages.push({name, attributes, body});
    }
  }
  return messages;
}

/** Reads a qbXML message set. Throws QbxmlError for text QuickBooks could not parse. */
export function parseQbxml(xml: string): QbxmlDocument {
  if (xml.trim() === '') throw new QbxmlError('The qbXML text is empty.');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new QbxmlError('qbXML must not contain DOCTYPE or ENTITY declarations.');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new QbxmlError(`The qbXML is not well-formed (line ${valid.err.line}): ${valid.err.msg}`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new QbxmlError(`The qbXML could not be read: ${(error as Error).message}`);
  }
  const header = doc['?qbxml'] as Record<string, unknown> | undefined;
  const root = doc.QBXML;
  if (root === null || typeof root !== 'object') throw new QbxmlError('The root element must be QBXML.');
  const rq = (root as Record<string, unknown>).QBXMLMsgsRq;
  const rs = (root as Record<string, unknown>).QBXMLMsgsRs;
  const set = rq ?? rs;
  if (set === undefined || Array.isArray(set)) throw new QbxmlError('QBXML must hold one QBXMLMsgsRq or QBXMLMsgsRs element.');
  const setObject = typeof set === 'object' && set !== null ? (set as Record<string, unknown>) : {};
  return {
    version: typeof header?.['@_version'] === 'string' ? header['@_version'] : '',
    kind: rq !== undefined ? 'request' : 'response',
    onError: typeof setObject['@_onError'] === 'string' ? setObject['@_onError'] : '',
    messages: readMessages(setObject),
  };
}
