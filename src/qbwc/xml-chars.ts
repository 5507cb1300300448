// XML 1.0 can carry these characters (its `Char` production), written or as a reference:
// #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. This file is the one place
// in the code that knows that rule; the SOAP codec, the .qwc reader and the .qwc checks use it.

/** Whether XML 1.0 can carry this code point at all. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

// The same rule over UTF-16 text: control characters, U+FFFE/U+FFFF, and a surrogate without its pair.
const NON_XML_CHARACTER_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const NON_XML_CHARACTER = new RegExp(NON_XML_CHARACTER_SOURCE);

/** The first character in `text` that XML cannot carry, or undefined when there is none. */
export function firstNonXmlCharacter(text: string): string | undefined {
  return NON_XML_CHARACTER.exec(text)?.[0];
}

/** Whether `text` holds a character XML cannot carry. */
export function hasNonXmlCharacter(text: string): boolean {
  return NON_XML_CHARACTER.test(text);
}

/** `text` with every character XML cannot carry replaced (removed by default). */
export function replaceNonXmlCharacters(text: string, replacement = ''): string {
  return text.replace(new RegExp(NON_XML_CHARACTER_SOURCE, 'g'), replacement);
}
