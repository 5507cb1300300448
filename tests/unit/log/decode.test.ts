import {describe, expect, it} from 'vitest';
import {MAX_LOG_BYTES, decodeLogBytes, looksBinary, refuseOversize} from '../../../src/qbwc/log/decode';
import {parseLog} from '../../../src/qbwc/log/parse';
import {readLogFixture} from '../../fixtures/logs/fixtures';

const LOG = readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt');

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let offset = 0;
  if (bom) {
    bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[offset + 2 * i + (order === 'le' ? 0 : 1)] = code & 0xff;
    bytes[offset + 2 * i + (order === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

describe('decodeLogBytes', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    const plain = new TextEncoder().encode(LOG);
    expect(decodeLogBytes(plain)).toEqual({ok: true, text: LOG, encoding: 'utf-8'});
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeLogBytes(withBom)).toEqual({ok: true, text: LOG, encoding: 'utf-8'});
  });

  it('reads UTF-16 as Notepad saves it (little-endian with a byte order mark), and big-endian', () => {
    expect(decodeLogBytes(utf16(LOG, 'le', true))).toEqual({ok: true, text: LOG, encoding: 'utf-16le'});
    expect(decodeLogBytes(utf16(LOG, 'be', true))).toEqual({ok: true, text: LOG, encoding: 'utf-16be'});
    const decoded = decodeLogBytes(utf16(LOG.replace(/\n/g, '\r\n'), 'le', true));
    expect(decoded.ok && parseLog(decoded.text).runs[0]?.auth).toEqual({kind: 'nvu'});
  });

  it('recognises UTF-16 without a byte order mark', () => {
    expect(decodeLogBytes(utf16(LOG, 'le', false))).toMatchObject({ok: true, encoding: 'utf-16le', text: LOG});
  });

  it('refuses images and archives by their first bytes, naming what they are', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decodeLogBytes(png)).toMatchObject({ok: false, reason: 'binary', message: expect.stringContaining('a PNG image')});
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(decodeLogBytes(jpeg)).toMatchObject({ok: false, message: expect.stringContaining('a JPEG image')});
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]);
    expect(decodeLogBytes(zip)).toMatchObject({ok: false, message: expect.stringContaining('Office document')});
  });

  it('refuses other binary files by their control characters', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(decodeLogBytes(bytes)).toMatchObject({ok: false, reason: 'binary', message: expect.stringContaining('QWCLog.txt')});
  });

  it('refuses an empty file', () => {
    expect(decodeLogBytes(new Uint8Array(0))).toMatchObject({ok: false, reason: 'empty'});
  });
});

describe('refuseOversize', () => {
  it('accepts up to the cap and refuses above it, saying the size and the cap', () => {
    expect(refuseOversize(MAX_LOG_BYTES)).toBeNull();
    expect(refuseOversize(MAX_LOG_BYTES + 1)).toMatchObject({
      ok: false,
      reason: 'too-large',
      message: expect.stringContaining('up to 50 MB'),
    });
    expect(refuseOversize(80 * 1024 * 1024)).toMatchObject({message: expect.stringContaining('This file is 80 MB')});
  });
});

describe('looksBinary', () => {
  it('tells pasted text from binary junk', () => {
    expect(looksBinary(LOG)).toBe(false);
    expect(looksBinary('\u0000\u0001\u0002abc\u0000\u0000')).toBe(true);
  });
});
