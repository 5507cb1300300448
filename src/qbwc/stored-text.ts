/**
 * Text the service keeps beyond one request: clipped to a sane length and copied.
 *
 * V8 may represent a substring (a parsed parameter, a trimmed value) as a view into the whole
 * request body, so keeping a ten-character HRESULT could keep a megabyte alive for as long as
 * the record lives. Encoding and decoding builds a new string that shares nothing with its source.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Longest HRESULT kept ("0x80040400" is ten characters). */
export const MAX_STORED_HRESULT = 16;
/** Longest message kept (lastError, a log summary). */
export const MAX_STORED_MESSAGE = 500;

export function storedText(text: string, maxLength: number): string {
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return clipped === '' ? '' : decoder.decode(encoder.encode(clipped));
}
