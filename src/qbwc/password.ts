/**
 * Web Connector passwords that survive being read aloud, typed, or pasted from an email.
 *
 * Format: 16 random symbols from Crockford's base32 alphabet (80 bits) in groups of four, then
 * one check symbol, e.g. `K7QF-9MZX-2D4T-8HWC-R`. The alphabet leaves out I, L, O and U, so
 * letter case and the look-alikes O/0 and I/L/1 can be corrected with certainty.
 *
 * Check symbol: the payload is read as a polynomial over GF(32) (field polynomial x^5 + x^2 + 1)
 * and the check symbol makes the whole word evaluate to zero at x = 2, a primitive element:
 * sum of d_i * 2^(16 - i) = 0. Every symbol has a non-zero weight, so any single substitution
 * changes the sum; neighbouring weights differ by a factor 2 != 1, so any swap of two different
 * neighbours does too (and, since 2 has order 31, any swap at distance below 31).
 */

export const PASSWORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const PAYLOAD_LENGTH = 16;
const GROUP_SIZE = 4;
const TOTAL_LENGTH = PAYLOAD_LENGTH + 1;
const GROUP_COUNT = Math.ceil(TOTAL_LENGTH / GROUP_SIZE);
// x^5 = x^2 + 1 in GF(32).
const FIELD_REDUCTION = 0b100101;

function timesTwo(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ FIELD_REDUCTION : shifted;
}

function checkSum(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum = timesTwo(sum) ^ value;
  return sum;
}

function formatGroups(canonical: string): string {
  const groups: string[] = [];
  for (let i = 0; i < canonical.length; i += GROUP_SIZE) groups.push(canonical.slice(i, i + GROUP_SIZE));
  return groups.join('-');
}

function fillRandom(bytes: Uint8Array): void {
  globalThis.crypto.getRandomValues(bytes);
}

/** A new password such as `K7QF-9MZX-2D4T-8HWC-R`: 80 random bits and a check symbol. */
export function generatePassword(random: (bytes: Uint8Array) => void = fillRandom): string {
  const bytes = new Uint8Array(PAYLOAD_LENGTH);
  random(bytes);
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  const values = Array.from(bytes, (byte) => byte & 0b11111);
  values.push(timesTwo(checkSum(values)));
  return formatGroups(values.map((value) => PASSWORD_ALPHABET[value] ?? '').join(''));
}

export interface PasswordProblem {
  kind:
    | 'empty'
    | 'whitespace'
    | 'line-break'
    | 'truncated'
    | 'too-long'
    | 'lookalike'
    | 'wrong-case'
    | 'invalid-character'
    | 'check-failed'
    | 'group-separator'
    | 'invisible-character';
  /** Plain words, naming the character and where it is. */
  message: string;
}

export interface PasswordDiagnosis {
  ok: boolean;
  /**
   * 'issued' when the text reads as a password in the format above (possibly damaged), and every
   * rule of that format was checked; 'other' when it is plainly another kind of password, and only
   * what breaks any password was checked (blanks at the ends, line breaks, invisible and look-alike
   * characters). An empty password is 'issued': there is nothing to tell.
   */
  format: 'issued' | 'other';
  problems: PasswordProblem[];
  /** The corrected password, only when every problem has a certain fix and the result passes the check. */
  fixed?: string;
}

const LINE_BREAKS = new Set(['\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029']);
const INVISIBLES: Record<string, string> = {
  '\u200B': 'an invisible zero-width space (U+200B)',
  '\u200C': 'an invisible zero-width non-joiner (U+200C)',
  '\u200D': 'an invisible zero-width joiner (U+200D)',
  '\u2060': 'an invisible word joiner (U+2060)',
  '\uFEFF': 'an invisible byte-order mark (U+FEFF)',
  '\u00AD': 'an invisible soft hyphen (U+00AD)',
};
const DASH_LIKES: Record<string, string> = {
  '\u2010': 'a typographic hyphen (U+2010)',
  '\u2011': 'a non-breaking hyphen (U+2011)',
  '\u2012': 'a figure dash (U+2012)',
  '\u2013': 'an en dash "–" (U+2013)',
  '\u2014': 'an em dash "—" (U+2014)',
  '\u2015': 'a horizontal bar (U+2015)',
  '\u2043': 'a hyphen bullet (U+2043)',
  '\u2212': 'a minus sign "−" (U+2212)',
  '\uFE58': 'a small em dash (U+FE58)',
  '\uFE63': 'a small hyphen-minus (U+FE63)',
  '\uFF0D': 'a full-width hyphen "－" (U+FF0D)',
};
const EDGE_OPENERS = new Set(['"', "'", '“', '‘', '„', '«', '‹', '(', '[', '{', '<', '`']);
const EDGE_CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '>', '`', '.', ',', ';', ':', '!']);
const PUNCTUATION_NAMES: Record<string, string> = {
  '.': 'a full stop',
  ',': 'a comma',
  ';': 'a semicolon',
  ':': 'a colon',
  '!': 'an exclamation mark',
  '(': 'a parenthesis',
  ')': 'a parenthesis',
  '[': 'a bracket',
  ']': 'a bracket',
  '{': 'a brace',
  '}': 'a brace',
  '<': 'an angle bracket',
  '>': 'an angle bracket',
  '`': 'a backtick',
};

// Letters from other scripts that look like Latin ones, as email and chat fonts show them.
const HOMOGLYPHS: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  З: '3',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  Ј: 'J',
  У: 'Y',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ј: 'j',
  к: 'k',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  κ: 'k',
};

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function scriptOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x0400 && code <= 0x04ff) return 'Cyrillic';
  if (code >= 0x0370 && code <= 0x03ff) return 'Greek';
  if (code >= 0xff00 && code <= 0xffef) return 'full-width';
  return 'styled';
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function positionList(positions: readonly number[]): string {
  const shown = positions.slice(0, 6).map(ordinal);
  const rest = positions.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : listWords(shown);
}

type SymbolHow = 'exact' | 'case' | 'lookalike' | 'foreign';

interface ReadSymbol {
  symbol: string;
  how: SymbolHow;
}

/** The alphabet symbol a character stands for, and how sure that reading is; undefined if none. */
function readSymbol(char: string): ReadSymbol | undefined {
  let latin = char;
  let foreign = false;
  if (HOMOGLYPHS[char] !== undefined) {
    latin = HOMOGLYPHS[char];
    foreign = true;
  } else if ((char.codePointAt(0) ?? 0) > 0x7f) {
    const compatible = char.normalize('NFKC');
    if (!/^[0-9A-Za-z]$/.test(compatible)) return undefined;
    latin = compatible;
    foreign = true;
  }
  const upper = latin.toUpperCase();
  const symbol = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper;
  if (!PASSWORD_ALPHABET.includes(symbol) || symbol.length !== 1) return undefined;
  if (foreign) return {symbol, how: 'foreign'};
  if (symbol !== upper) return {symbol, how: 'lookalike'};
  return {symbol, how: char === symbol ? 'exact' : 'case'};
}

function isBlank(char: string): boolean {
  return /\s/u.test(char) || INVISIBLES[char] !== undefined;
}

function isSeparator(char: string): boolean {
  return char === '-' || DASH_LIKES[char] !== undefined;
}

interface Char {
  char: string;
  /** 1-based position in the input as the person sees it. */
  position: number;
}

function blankName(char: string): string {
  if (LINE_BREAKS.has(char)) return 'a line break';
  if (char === ' ') return 'a space';
  if (char === '\t') return 'a tab';
  if (char === '\u00A0') return 'a non-breaking space';
  return INVISIBLES[char] ?? `a blank character (${codePointLabel(char)})`;
}

function describeBlanks(chars: readonly Char[]): string {
  const names = chars.map((entry) => blankName(entry.char));
  if (names.length === 1) return names[0] ?? '';
  if (names.every((name) => name === 'a space')) return `${names.length} spaces`;
  if (names.every((name) => name === 'a line break')) return `${names.length} line breaks`;
  return listWords([...new Set(names)]);
}

function describeEdgePunctuation(chars: readonly Char[]): string {
  const quotes = chars.filter((entry) => !PUNCTUATION_NAMES[entry.char]);
  const others = chars.filter((entry) => PUNCTUATION_NAMES[entry.char]);
  const parts = others.map((entry) => `${PUNCTUATION_NAMES[entry.char] ?? ''} "${entry.char}"`);
  if (quotes.length > 0)
    parts.unshift(
      `${quotes.length === 1 ? 'a quotation mark' : 'quotation marks'} (${quotes.map((entry) => entry.char).join(' ')})`,
    );
  return listWords([...new Set(parts)]);
}

interface Slot {
  char: Char;
  read: ReadSymbol | undefined;
}

interface Diagnosis {
  problems: PasswordProblem[];
  certain: boolean;
}

function checkEdges(leading: Char[], trailing: Char[], diagnosis: Diagnosis): void {
  const add = (kind: PasswordProblem['kind'], message: string) => diagnosis.problems.push({kind, message});
  for (const [edge, chars] of [
    ['starts', leading],
    ['ends', trailing],
  ] as const) {
    const blanks = chars.filter((entry) => isBlank(entry.char) || LINE_BREAKS.has(entry.char));
    const punctuation = chars.filter((entry) => !isBlank(entry.char) && !LINE_BREAKS.has(entry.char));
    if (blanks.some((entry) => LINE_BREAKS.has(entry.char))) {
      add(
        'line-break',
        `The password ${edge} with ${describeBlanks(blanks)}, probably copied along from the email. The Web Connector keeps it as part of the password, so the password won't match.`,
      );
    } else if (blanks.length > 0) {
      add(
        'whitespace',
        `The password ${edge} with ${describeBlanks(blanks)}. The Web Connector keeps it as part of the password, so the password won't match.`,
      );
    }
    if (punctuation.length > 0) {
      add(
        'invalid-character',
        `The password ${edge} with ${describeEdgePunctuation(punctuation)}, which ${punctuation.length === 1 ? 'is' : 'are'} not part of it: probably copied from the sentence around it.`,
      );
    }
  }
}

function checkSymbols(slots: readonly Slot[], diagnosis: Diagnosis): void {
  const wrongCase = slots.filter((slot) => slot.read?.how === 'case');
  if (wrongCase.length > 0) {
    const positions = wrongCase.map((slot) => slot.char.position);
    const letters = slots.filter((slot) => /[A-Z]/.test(slot.read?.symbol ?? ''));
    diagnosis.problems.push({
      kind: 'wrong-case',
      message:
        wrongCase.length > 1 && wrongCase.length === letters.length
          ? 'The letters are typed in lower case. The password is written in capitals.'
          : wrongCase.length === 1
            ? `The ${ordinal(positions[0] ?? 0)} character, "${wrongCase[0]?.char.char ?? ''}", is lower case. The password is written in capitals; type ${wrongCase[0]?.read?.symbol ?? ''}.`
            : `The ${positionList(positions)} characters are lower case. The password is written in capitals.`,
    });
  }
  const lookalikes = new Map<string, number[]>();
  for (const slot of slots) {
    if (slot.read?.how !== 'lookalike' && slot.read?.how !== 'foreign') continue;
    const positions = lookalikes.get(slot.char.char) ?? [];
    positions.push(slot.char.position);
    lookalikes.set(slot.char.char, positions);
  }
  for (const [char, positions] of lookalikes) {
    const read = readSymbol(char);
    if (!read) continue;
    const which =
      positions.length === 1 ? `The ${ordinal(positions[0] ?? 0)} character` : `The ${positionList(positions)} characters`;
    const digitName = read.symbol === '0' ? 'the digit 0 (zero)' : read.symbol === '1' ? 'the digit 1 (one)' : `"${read.symbol}"`;
    if (read.how === 'foreign') {
      const latin = HOMOGLYPHS[char] ?? char.normalize('NFKC');
      diagnosis.problems.push({
        kind: 'lookalike',
        message: `${which}, "${char}", ${positions.length === 1 ? 'looks' : 'look'} like "${latin}" but ${positions.length === 1 ? 'is' : 'are'} the ${scriptOf(char)} character ${codePointLabel(char)}, which the Web Connector treats as a different letter. It stands for ${digitName}.`,
      });
    } else {
      diagnosis.problems.push({
        kind: 'lookalike',
        message: `${which} ${positions.length === 1 ? 'is' : 'are'} the letter "${char}". These passwords never use the letters O, I or L; it stands for ${digitName}.`,
      });
    }
  }
  const invalid = slots.filter((slot) => slot.read === undefined);
  if (invalid.length > 0) {
    diagnosis.certain = false;
    for (const slot of invalid.slice(0, 5)) {
      const {char, position} = slot.char;
      const hint = char.toUpperCase() === 'U' ? ' (the letter U is left out on purpose; check whether it should be V)' : '';
      diagnosis.problems.push({
        kind: 'invalid-character',
        message: `The ${ordinal(position)} character, "${char}" (${codePointLabel(char)}), is never used in these passwords${hint}. Copy the password again from the original.`,
      });
    }
  }
}

/** Separators and blanks between symbols: one dash exactly between groups of four, nothing else. */
function checkSeparators(gaps: readonly Char[][], slots: readonly Slot[], diagnosis: Diagnosis): void {
  const add = (kind: PasswordProblem['kind'], message: string) => diagnosis.problems.push({kind, message});
  const missingDashes: number[] = [];
  gaps.forEach((gap, index) => {
    const before = index; // symbols before this gap
    // Past the check symbol of an over-long paste, group positions mean nothing.
    if (before > PAYLOAD_LENGTH && before < slots.length) return;
    const atBoundary = before > 0 && before < slots.length && before % GROUP_SIZE === 0;
    const dashes = gap.filter((entry) => entry.char === '-');
    const dashLikes = gap.filter((entry) => DASH_LIKES[entry.char] !== undefined);
    const blanks = gap.filter((entry) => isBlank(entry.char) || LINE_BREAKS.has(entry.char));
    const group = before / GROUP_SIZE;
    for (const entry of dashLikes) {
      add(
        'group-separator',
        `The ${ordinal(entry.position)} character is ${DASH_LIKES[entry.char] ?? 'a dash'}, not the plain dash "-": email programs often swap them.`,
      );
    }
    const anyDash = dashes.length + dashLikes.length;
    if (before === 0 || before === slots.length) {
      if (anyDash > 0)
        add(
          'group-separator',
          `The password ${before === 0 ? 'starts' : 'ends'} with a dash; dashes only go between the groups of four.`,
        );
      return;
    }
    const lineBreak = blanks.some((entry) => LINE_BREAKS.has(entry.char));
    if (atBoundary) {
      if (anyDash === 0) {
        if (blanks.length > 0) {
          add(
            lineBreak ? 'line-break' : 'group-separator',
            `${lineBreak ? 'A line break' : capitalise(describeBlanks(blanks))} separates the ${ordinal(group)} and ${ordinal(group + 1)} groups where a dash belongs.`,
          );
        } else {
          missingDashes.push(group);
        }
      } else if (anyDash > 1) {
        add('group-separator', `There are ${anyDash} dashes after the ${ordinal(group)} group; there should be one.`);
      }
      if (anyDash > 0 && blanks.length > 0) {
        add(
          lineBreak ? 'line-break' : 'whitespace',
          `There ${blanks.length === 1 ? 'is' : 'are'} ${describeBlanks(blanks)} next to the dash after the ${ordinal(group)} group; remove ${blanks.length === 1 ? 'it' : 'them'}.`,
        );
      }
      return;
    }
    const after = slots[before - 1]?.char.position ?? 0;
    if (anyDash > 0)
      add(
        'group-separator',
        `There is a dash after the ${ordinal(after)} character, inside a group of four; dashes only go between groups.`,
      );
    if (blanks.length > 0) {
      add(
        lineBreak ? 'line-break' : 'whitespace',
        `There ${blanks.length === 1 ? 'is' : 'are'} ${describeBlanks(blanks)} after the ${ordinal(after)} character, inside a group; the Web Connector keeps ${blanks.length === 1 ? 'it' : 'them'} and the password won't match.`,
      );
    }
  });
  if (missingDashes.length > 0) {
    const all = missingDashes.length === GROUP_COUNT - 1;
    add(
      'group-separator',
      all
        ? 'The dashes between the groups are missing. Write the password in groups of four separated by dashes, as it was given.'
        : missingDashes.length === 1
          ? `The dash after the ${ordinal(missingDashes[0] ?? 0)} group is missing.`
          : `The dashes after the ${listWords(missingDashes.map(ordinal))} groups are missing.`,
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkLength(slots: readonly Slot[], diagnosis: Diagnosis): void {
  const count = slots.length;
  if (count < TOTAL_LENGTH) {
    diagnosis.certain = false;
    const groups = Math.ceil(count / GROUP_SIZE);
    diagnosis.problems.push({
      kind: 'truncated',
      message: `The password has ${count} of its ${TOTAL_LENGTH} characters (not counting dashes), so it looks cut off: ${groups === 1 ? `only 1 of its ${GROUP_COUNT} groups is` : `${groups} of its ${GROUP_COUNT} groups are`} there. Copy the whole password again; the last group is a single character.`,
    });
  } else if (count > TOTAL_LENGTH) {
    diagnosis.certain = false;
    diagnosis.problems.push({
      kind: 'too-long',
      message: `The password has ${count} characters (not counting dashes) where ${TOTAL_LENGTH} are expected. Something extra was copied along with it, or two passwords ran together.`,
    });
  }
}

/**
 * Whether the text reads as an issued password, however damaged: at most one character outside the
 * alphabet, no mixture of capitals and small letters beyond a slip or two, and either a dash after
 * the first group of four, or about the right number of symbols. Anything else (`Tr7#kQ9v!mZ2pL4x`,
 * `abc`, `Summer2024!`) is another kind of password, and the format's rules say nothing about it.
 */
function readsAsIssued(slots: readonly Slot[], gaps: readonly Char[][]): boolean {
  const outside = slots.filter((slot) => slot.read === undefined).length;
  const capitals = slots.filter((slot) => /^[A-Z]$/.test(slot.char.char)).length;
  // Small l, i and o are read as digits, so they are look-alikes, not signs of mixed case.
  const smalls = slots.filter((slot) => /^[a-hjkmnp-z]$/.test(slot.char.char)).length;
  const mixedCase = capitals >= 2 && smalls >= 2;
  const firstGroupDashed = (gaps[GROUP_SIZE] ?? []).some((entry) => isSeparator(entry.char));
  const nearLength = Math.abs(slots.length - TOTAL_LENGTH) <= 2;
  return outside <= 1 && !mixedCase && (firstGroupDashed || nearLength);
}

const TYPOGRAPHIC_QUOTES: Record<string, string> = {
  '\u2018': 'a curly quotation mark "‘" (U+2018)',
  '\u2019': 'a curly apostrophe "’" (U+2019)',
  '\u201C': 'a curly quotation mark "“" (U+201C)',
  '\u201D': 'a curly quotation mark "”" (U+201D)',
};

/**
 * The checks that hold for any password: blanks at either end, line breaks and invisible
 * characters anywhere, and characters that look like others (letters from other scripts,
 * full-width forms, typographic dashes and quotes that email programs put in place of plain ones).
 */
function checkAnyPassword(chars: readonly Char[]): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const blankAt = (entry: Char | undefined) =>
    entry !== undefined && (/\s/u.test(entry.char) || LINE_BREAKS.has(entry.char) || INVISIBLES[entry.char] !== undefined);
  let start = 0;
  let end = chars.length;
  while (start < end && blankAt(chars[start])) start++;
  while (end > start && blankAt(chars[end - 1])) end--;
  for (const [edge, blanks] of [
    ['starts', chars.slice(0, start)],
    ['ends', chars.slice(end)],
  ] as const) {
    if (blanks.length === 0) continue;
    const lineBreak = blanks.some((entry) => LINE_BREAKS.has(entry.char));
    problems.push({
      kind: lineBreak ? 'line-break' : 'whitespace',
      message: `The password ${edge} with ${describeBlanks(blanks)}${lineBreak ? ', probably copied along from the email' : ''}. The Web Connector keeps it as part of the password, so the password won't match.`,
    });
  }
  const inner = chars.slice(start, end);
  const breaks = inner.filter((entry) => LINE_BREAKS.has(entry.char));
  if (breaks.length > 0) {
    problems.push({
      kind: 'line-break',
      message: `There ${breaks.length === 1 ? 'is a line break' : `are ${breaks.length} line breaks`} inside the password (after the ${positionList(breaks.map((entry) => entry.position - 1))} character${breaks.length === 1 ? '' : 's'}): a password is one line, so the text was probably split when it was copied.`,
    });
  }
  for (const entry of inner) {
    const {char, position} = entry;
    const invisible = INVISIBLES[char];
    if (invisible || char === '\u00A0') {
      problems.push({
        kind: 'invisible-character',
        message: `The ${ordinal(position)} character is ${invisible ?? 'a non-breaking space (U+00A0), which looks like a space but is a different character'}. It is rarely part of a real password: remove it, or copy the password again from the original.`,
      });
      continue;
    }
    const plain =
      HOMOGLYPHS[char] ??
      (DASH_LIKES[char] ? '-' : TYPOGRAPHIC_QUOTES[char] ? (/[\u2018\u2019]/.test(char) ? "'" : '"') : undefined);
    const compatible =
      plain ??
      ((char.codePointAt(0) ?? 0) >= 0xff01 && (char.codePointAt(0) ?? 0) <= 0xff5e ? char.normalize('NFKC') : undefined);
    if (compatible === undefined) continue;
    const name = DASH_LIKES[char] ?? TYPOGRAPHIC_QUOTES[char] ?? `the ${scriptOf(char)} character ${codePointLabel(char)}`;
    problems.push({
      kind: 'lookalike',
      message: `The ${ordinal(position)} character, "${char}", looks like "${compatible}" but is ${name}, which the Web Connector treats as a different character. If the password has "${compatible}" there, type that instead.`,
    });
  }
  return problems;
}

function splitEdges(chars: readonly Char[]): {leading: Char[]; core: Char[]; trailing: Char[]} {
  let start = 0;
  let end = chars.length;
  const blankAt = (index: number) => {
    const entry = chars[index];
    return entry !== undefined && (isBlank(entry.char) || LINE_BREAKS.has(entry.char));
  };
  for (;;) {
    const before = [start, end];
    while (start < end && blankAt(start)) start++;
    while (end > start && blankAt(end - 1)) end--;
    if (end - start > 1 && EDGE_OPENERS.has(chars[start]?.char ?? '')) start++;
    if (end - start > 1 && EDGE_CLOSERS.has(chars[end - 1]?.char ?? '')) end--;
    if (before[0] === start && before[1] === end) break;
  }
  return {leading: chars.slice(0, start), core: chars.slice(start, end), trailing: chars.slice(end)};
}

/** Names every problem in a pasted or typed password, and offers the fix when it is certain. */
export function checkPassword(input: string): PasswordDiagnosis {
  const chars: Char[] = Array.from(input, (char, index) => ({char, position: index + 1}));
  if (chars.every((entry) => isBlank(entry.char) || LINE_BREAKS.has(entry.char))) {
    const message =
      input === ''
        ? 'The password is empty. Paste or type the password you were given.'
        : `The password is empty: it only contains ${describeBlanks(chars)}. Paste or type the password you were given.`;
    return {ok: false, format: 'issued', problems: [{kind: 'empty', message}]};
  }

  const diagnosis: Diagnosis = {problems: [], certain: true};
  const {leading, core, trailing} = splitEdges(chars);
  checkEdges(leading, trailing, diagnosis);

  const slots: Slot[] = [];
  const gaps: Char[][] = [[]];
  for (const entry of core) {
    if (isSeparator(entry.char) || isBlank(entry.char) || LINE_BREAKS.has(entry.char)) {
      gaps[gaps.length - 1]?.push(entry);
    } else {
      slots.push({char: entry, read: readSymbol(entry.char)});
      gaps.push([]);
    }
  }
  if (slots.length === 0) {
    return {
      ok: false,
      problems: [
        {
          kind: 'empty',
          message:
            'The password has no letters or digits in it, only dashes or punctuation. Paste or type the password you were given.',
        },
      ],
      format: 'issued',
    };
  }
  if (!readsAsIssued(slots, gaps)) {
    const problems = checkAnyPassword(chars);
    return {ok: problems.length === 0, format: 'other', problems};
  }
  checkSymbols(slots, diagnosis);
  checkSeparators(gaps, slots, diagnosis);
  checkLength(slots, diagnosis);

  const readable = slots.every((slot) => slot.read !== undefined);
  const canonical = slots.map((slot) => slot.read?.symbol ?? '?').join('');
  let passes = false;
  if (readable && slots.length === TOTAL_LENGTH) {
    passes = checkSum(Array.from(canonical, (symbol) => PASSWORD_ALPHABET.indexOf(symbol))) === 0;
    if (!passes) {
      diagnosis.problems.push({
        kind: 'check-failed',
        message:
          'The password does not pass its built-in check, so at least one character is wrong (mistyped, or two neighbours swapped). Copy it again from the original rather than retyping it.',
      });
    }
  }
  const ok = diagnosis.problems.length === 0;
  const result: PasswordDiagnosis = {ok, format: 'issued', problems: diagnosis.problems};
  if (!ok && diagnosis.certain && passes) result.fixed = formatGroups(canonical);
  return result;
}
