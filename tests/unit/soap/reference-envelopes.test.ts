import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildRequest, buildResponse, parseRequest, parseResponse} from '../../../src/qbwc/soap';

// Envelopes from the shared reference set, copied into the repository (tests/fixtures/reference/README.md).
const REFERENCE = join(__dirname, '../../fixtures/reference/envelopes');
const read = (...parts: string[]) => readFileSync(join(REFERENCE, ...parts), 'utf8');
const list = (dir: string, prefix = '') =>
  readdirSync(join(REFERENCE, dir)).filter((f) => f.endsWith('.xml') && f.startsWith(prefix));

/** The escaped text between <tag> and </tag>, as it sits on the wire. */
function wireText(xml: string, tag: string): string {
  const start = xml.indexOf(`<${tag}>`);
  const end = xml.indexOf(`</${tag}>`);
  if (start === -1 || end === -1) throw new Error(`no <${tag}> in envelope`);
  return xml.slice(start + tag.length + 2, end);
}

describe('reference envelopes', () => {
  it('round-trips every synthetic request', () => {
    const files = list('', 'request-');
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const parsed = parseRequest(read(file));
      expect(parseRequest(buildRequest(parsed.method, parsed.params)), file).toEqual(parsed);
    }
  });

  it('rebuilds every synthetic response, byte for byte except the spelling of empty elements', () => {
    const files = list('', 'response-');
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const file of files) {
      const xml = read(file).trim();
      const parsed = parseResponse(xml);
      const rebuilt = buildResponse(parsed.method, parsed.result);
      expect(rebuilt.replace(/<(\w+)><\/\1>/g, '<$1 />'), file).toBe(xml.replace(/<(\w+)><\/\1>/g, '<$1 />'));
      expect(parseResponse(rebuilt), file).toEqual(parsed);
    }
  });

  it('reads the RPC/encoded simulator requests', () => {
    const files = list('rpc-style');
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const parsed = parseRequest(read('rpc-style', file));
      expect(['clientVersion', 'serverVersion']).toContain(parsed.method);
      if (parsed.method === 'clientVersion') expect(parsed.params.strVersion).toBe('2.3.0.215');
    }
  });

  it('preserves captured qbXML payloads exactly and re-escapes them identically', () => {
    const files = list('captured');
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const xml = read('captured', file);
      const parsed = parseRequest(xml);
      expect(parsed.method, file).toBe('receiveResponseXML');
      const response = (parsed.params as Record<string, string>).response!;
      expect(response.startsWith('<?xml version="1.0" ?>\n<QBXML>'), file).toBe(true);
      expect(response.endsWith('</QBXML>\n'), file).toBe(true);
      expect(response, file).not.toContain('\r');
      const rebuilt = buildRequest(parsed.method, parsed.params);
      expect(wireText(rebuilt, 'response'), file).toBe(wireText(xml, 'response'));
    }
  });
});
