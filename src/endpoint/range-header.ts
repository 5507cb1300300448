/**
 * The one Range form the static file server is trusted with: a single `bytes=first-last` or
 * `bytes=first-` with numbers a file could have. Everything else (reversed, overflowing, suffix,
 * multi-range, other units, junk) is dropped, so the file is served whole with 200, which HTTP
 * allows for any Range a server chooses not to honour. A first byte past the end of the file is
 * left for the file server, which answers 416.
 */
const SINGLE_RANGE = /^bytes=(\d{1,15})-(\d{1,15})?$/;

export function acceptableRange(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = SINGLE_RANGE.exec(value.trim());
  if (match === null) return undefined;
  const first = Number(match[1]);
  if (match[2] !== undefined && Number(match[2]) < first) return undefined;
  return match[0];
}
