/**
 * Bytes of a chosen or dropped file to text: the size cap (checked before reading), UTF-16 with a
 * byte order mark (Notepad saves "Unicode" that way), UTF-8 with or without one, and a clear refusal
 * for images, archives and other binary files. Uses only TextDecoder, a Web standard.
 */

/** The largest log the reader accepts. A Web Connector log is cleared by hand, so a year of VERBOSE logging fits. */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;

export type DecodedLog =
  | {ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'}
  | {ok: false; reason: 'too-large' | 'binary' | 'empty'; message: string};

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The refusal for a file over the cap, or null. Call it with File.size before reading anything. */
export function refuseOversize(size: number): DecodedLog | null {
  if (size <= MAX_LOG_BYTES) return null;
  return {
    ok: false,
    reason: 'too-large',
    message: `This file is ${megabytes(size)}; the log reader takes files up to ${megabytes(MAX_LOG_BYTES)}. Clear the log in the Web Connector (File menu), run the update again, and read the new, shorter log; or open the file in Notepad and paste only the last part.`,
  };
}

// Only signatures no text file starts with; other binary files are caught by their control characters.
const SIGNATURES: readonly {name: string; bytes: readonly number[]}[] = [
  {name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47]},
  {name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff]},
  {name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38]},
  {name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46]},
  {name: 'a ZIP archive or an Office document', bytes: [0x50, 0x4b, 0x03, 0x04]},
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

function binaryRefusal(what: string): DecodedLog {
  return {
    ok: false,
    reason: 'binary',
    message: `This file is ${what}, not a text log. The Web Connector's log is a text file named QWCLog.txt; choose that file, or open it with the View Logs button and paste its text. A screenshot of an error can't be read here: type the code it shows (such as QBWC1039) into the troubleshooting page's search instead.`,
  };
}

/** Control characters other than tab, CR, LF and form feed: text logs have none; binary files many. */
function controlShare(text: string): number {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) controls += 1;
  }
  return controls / sample.length;
}

/** True for pasted or decoded text that is really binary (NUL bytes, replacement characters). */
export function looksBinary(text: string): boolean {
  return controlShare(text) > 0.02;
}

/** UTF-16 without a byte order mark: every other byte of Latin text is zero. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZero += 1;
    if (bytes[index + 1] === 0) oddZero += 1;
  }
  const pairs = length / 2;
  if (oddZero > pairs * 0.9 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/** Bytes of a file to the log's text, or the reason it can't be read as a log. */
export function decodeLogBytes(bytes: Uint8Array): DecodedLog {
  const oversize = refuseOversize(bytes.length);
  if (oversize) return oversize;
  if (bytes.length === 0) return {ok: false, reason: 'empty', message: 'The file is empty: it holds no text at all.'};

  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else {
    const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
    if (signature) return binaryRefusal(signature.name);
    encoding = guessUtf16(bytes) ?? 'utf-8';
  }
  const text = new TextDecoder(encoding).decode(bytes.subarray(start));
  if (looksBinary(text)) return binaryRefusal('a binary file');
  return {ok: true, text, encoding};
}
