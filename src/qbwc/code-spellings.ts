/**
 * How people write the catalogue's codes. The pages print QBWC1039 and 0x80040400; support tickets
 * and users type "qbwc 1039", "QBWC-1039", "1039", "80040400" or "0X80040400". This module is the one
 * place that knows those spellings: the catalogue look-up, both search providers' query handling
 * and the Algolia records all derive theirs from it.
 */

const QBWC = /^(?:qbwc)?(\d{4})$/i;
const HRESULT = /^(?:0x)?([0-9a-f]{8})$/i;

/**
 * The form the pages print ('QBWC1039', '0x80040400') for text written like a code, however it is
 * spaced, hyphenated or cased; undefined for anything else. It does not check that the code exists.
 */
export function canonicalCode(text: string): string | undefined {
  const compact = text.trim().replace(/[\s_-]+/g, '');
  const qbwc = QBWC.exec(compact);
  if (qbwc) return `QBWC${qbwc[1]}`;
  const hresult = HRESULT.exec(compact);
  if (hresult) return `0x${hresult[1]!.toLowerCase()}`;
  return undefined;
}

/**
 * Every spelling of a code that should find it, the printed form first: 'QBWC1039' gives
 * QBWC1039, QBWC 1039, QBWC-1039 and 1039; '0x80040400' gives 0x80040400 and 80040400. Other codes
 * ('nvu', 'HTTP 404') have only the one spelling. Letter case never matters to search.
 */
export function codeSpellings(code: string): string[] {
  const canonical = canonicalCode(code);
  if (!canonical) return [code];
  if (canonical.startsWith('QBWC')) {
    const number = canonical.slice(4);
    return [canonical, `QBWC ${number}`, `QBWC-${number}`, number];
  }
  return [canonical, canonical.slice(2)];
}

/**
 * A code anywhere in a query, as it may be typed: QBWC with a number (spaced, hyphenated or not), a
 * bare four-digit number, or eight hex digits with or without 0x. Not part of a longer word, number
 * or version ("3.0.1039"); a full stop after it ends a sentence.
 */
const CODE_IN_TEXT = /(?<![\w.])(?:qbwc[\s_-]*\d{4}|(?:0x)?[0-9a-f]{8}|\d{4})(?!\w|\.\w)/gi;

/** "qbwc 10" while it is being typed: the prefix and the first digits, to be written together. */
const QBWC_BEING_TYPED = /(?<![\w.])qbwc[\s_-]+(?=\d)/gi;

/**
 * The query with every code it names rewritten to the printed form, so that a search index, which
 * holds "QBWC1039" as one word, finds it however it was typed: 'qbwc 1039', 'QBWC-1039' and '1039'
 * become 'QBWC1039', '80040400' becomes '0x80040400'. Only codes in `knownCodes` (printed forms) are
 * rewritten, so other numbers ('2023') stay as they are; "qbwc 10", half typed, becomes "QBWC10" so
 * that a prefix search already narrows to the QBWC10xx codes. Every other word is left alone.
 */
export function normalizeCodesInQuery(query: string, knownCodes: ReadonlySet<string>): string {
  return query
    .replace(CODE_IN_TEXT, (match) => {
      const code = canonicalCode(match);
      return code && knownCodes.has(code) ? code : match;
    })
    .replace(QBWC_BEING_TYPED, 'QBWC');
}
