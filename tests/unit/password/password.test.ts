import {describe, expect, it} from 'vitest';
import {PASSWORD_ALPHABET, checkPassword, generatePassword, type PasswordProblem} from '../../../src/qbwc/password';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]$/;

/** Deterministic bytes for reproducible passwords (xorshift32). */
function seededBytes(seed: number): (bytes: Uint8Array) => void {
  let state = seed || 1;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[i] = state & 0xff;
    }
  };
}

const samples = Array.from({length: 300}, (_, i) => generatePassword(seededBytes(i + 1)));
const password = samples[0] ?? '';

function kinds(problems: PasswordProblem[]): PasswordProblem['kind'][] {
  return problems.map((problem) => problem.kind);
}

function replaceAt(text: string, index: number, replacement: string): string {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('PASSWORD_ALPHABET', () => {
  it('is Crockford base32: 32 distinct upper-case symbols without I, L, O or U', () => {
    expect(PASSWORD_ALPHABET).toHaveLength(32);
    expect(new Set(PASSWORD_ALPHABET).size).toBe(32);
    expect(PASSWORD_ALPHABET).toMatch(/^[0-9A-Z]+$/);
    for (const letter of 'ILOU') expect(PASSWORD_ALPHABET).not.toContain(letter);
  });
});

describe('generatePassword', () => {
  it('writes four groups of four and a check symbol, carrying 80 random bits', () => {
    for (const sample of samples) expect(sample).toMatch(FORMAT);
    const payloadSymbols = password.replace(/-/g, '').length - 1;
    expect(payloadSymbols * Math.log2(PASSWORD_ALPHABET.length)).toBeGreaterThanOrEqual(80);
  });

  it('uses the injected random bytes, one symbol per byte', () => {
    expect(generatePassword(seededBytes(7))).toBe(generatePassword(seededBytes(7)));
    const zeros = generatePassword((bytes) => bytes.fill(0));
    expect(zeros).toBe('0000-0000-0000-0000-0');
    const counting = generatePassword((bytes) => bytes.forEach((_, i) => (bytes[i] = i + 32)));
    expect(counting.slice(0, 19)).toBe('0123-4567-89AB-CDEF');
  });

  it('draws from the platform random source by default and spreads over the alphabet', () => {
    const drawn = Array.from({length: 400}, () => generatePassword());
    expect(new Set(drawn).size).toBe(400);
    const symbols = new Set(drawn.join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('every generated password passes its own check', () => {
    for (const sample of samples) expect(checkPassword(sample), sample).toEqual({ok: true, format: 'issued', problems: []});
  });
});

describe('check symbol', () => {
  it('catches every single-symbol substitution in every position', () => {
    let tried = 0;
    for (const sample of samples.slice(0, 120)) {
      const canonical = sample.replace(/-/g, '');
      for (let index = 0; index < canonical.length; index++) {
        for (const symbol of PASSWORD_ALPHABET) {
          if (symbol === canonical[index]) continue;
          const result = checkPassword(replaceAt(canonical, index, symbol));
          expect(kinds(result.problems), `${canonical} @${index} -> ${symbol}`).toContain('check-failed');
          expect(result.fixed).toBeUndefined();
          tried++;
        }
      }
    }
    expect(tried).toBe(120 * 17 * 31);
  });

  it('catches every swap of two different neighbours, including the check symbol', () => {
    let tried = 0;
    for (const sample of samples) {
      const canonical = sample.replace(/-/g, '');
      for (let index = 0; index + 1 < canonical.length; index++) {
        const a = canonical[index] ?? '';
        const b = canonical[index + 1] ?? '';
        if (a === b) continue;
        const swapped = canonical.slice(0, index) + b + a + canonical.slice(index + 2);
        expect(kinds(checkPassword(swapped).problems), `${canonical} swap @${index}`).toEqual([
          'group-separator',
          'check-failed',
        ]);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(300 * 15);
  });
});

describe('checkPassword: each problem in words', () => {
  it('empty', () => {
    expect(checkPassword('')).toEqual({
      ok: false,
      format: 'issued',
      problems: [{kind: 'empty', message: expect.stringMatching(/empty/)}],
    });
    expect(checkPassword(' \t\n').problems[0]?.message).toMatch(/only contains/);
    expect(kinds(checkPassword('--"."').problems)).toEqual(['empty']);
  });

  it('whitespace at either end, named and fixed', () => {
    const trailing = checkPassword(`${password} `);
    expect(trailing.problems).toEqual([
      {kind: 'whitespace', message: expect.stringMatching(/ends with a space.*Web Connector keeps it.*won't match/)},
    ]);
    expect(trailing.fixed).toBe(password);
    const leading = checkPassword(`\u00A0\u00A0${password}`);
    expect(leading.problems[0]?.message).toMatch(/starts with .*non-breaking space/);
    expect(leading.fixed).toBe(password);
    expect(checkPassword(`  ${password}`).problems[0]?.message).toMatch(/starts with 2 spaces/);
    expect(checkPassword(`\u200B${password}`).problems[0]?.message).toMatch(/zero-width space/);
  });

  it('whitespace inside a group, naming the position', () => {
    const result = checkPassword(replaceAt(password, 1, `${password[1] ?? ''} `));
    expect(result.problems).toEqual([
      {kind: 'whitespace', message: expect.stringMatching(/space after the 2nd character, inside a group/)},
    ]);
    expect(result.fixed).toBe(password);
  });

  it('line-break', () => {
    const result = checkPassword(`${password}\r\n`);
    expect(result.problems).toEqual([{kind: 'line-break', message: expect.stringMatching(/ends with 2 line breaks/)}]);
    expect(result.fixed).toBe(password);
    const split = checkPassword(password.replace('-', '\n'));
    expect(kinds(split.problems)).toEqual(['line-break']);
    expect(split.fixed).toBe(password);
  });

  it('truncated: a missing last group is never guessed', () => {
    const cut = password.slice(0, 14);
    const result = checkPassword(cut);
    expect(result.problems).toEqual([
      {kind: 'truncated', message: expect.stringMatching(/12 of its 17 characters.*cut off.*3 of its 5 groups/)},
    ]);
    expect(result.fixed).toBeUndefined();
    expect(kinds(checkPassword(password.slice(0, -2)).problems)).toEqual(['truncated']);
  });

  it('too-long', () => {
    const result = checkPassword(`${password}7`);
    expect(kinds(result.problems)).toEqual(['too-long']);
    expect(result.problems[0]?.message).toMatch(/18 characters.*17 are expected/);
    expect(result.fixed).toBeUndefined();
  });

  it('wrong-case is fixed to capitals', () => {
    const lower = checkPassword(password.toLowerCase());
    expect(kinds(lower.problems)).toEqual(['wrong-case']);
    expect(lower.fixed).toBe(password);
    const withLetter = samples.find((sample) => /[A-Z]/.test(sample.slice(0, 4))) ?? '';
    const index = withLetter.search(/[A-Z]/);
    const one = checkPassword(replaceAt(withLetter, index, withLetter[index]?.toLowerCase() ?? ''));
    expect(one.problems[0]?.message).toContain(`The ${index + 1}`);
    expect(one.fixed).toBe(withLetter);
  });

  it('lookalike letters O, I and L are read as 0 and 1', () => {
    const withZero = samples.find((sample) => sample.includes('0')) ?? '';
    const withOne = samples.find((sample) => sample.includes('1')) ?? '';
    const o = checkPassword(withZero.replace('0', 'O'));
    expect(o.problems).toEqual([{kind: 'lookalike', message: expect.stringMatching(/letter "O".*digit 0 \(zero\)/)}]);
    expect(o.fixed).toBe(withZero);
    for (const letter of ['I', 'l', 'L', 'i']) {
      const result = checkPassword(withOne.replace('1', letter));
      expect(kinds(result.problems), letter).toContain('lookalike');
      expect(result.problems.find((problem) => problem.kind === 'lookalike')?.message).toMatch(/digit 1 \(one\)/);
      expect(result.fixed).toBe(withOne);
    }
  });

  it('lookalike characters from other scripts are named with their code point', () => {
    const withK = samples.find((sample) => sample.includes('K')) ?? '';
    const cyrillic = checkPassword(withK.replace('K', '\u041A'));
    expect(cyrillic.problems).toEqual([
      {kind: 'lookalike', message: expect.stringMatching(/looks like "K" but is the Cyrillic character U\+041A/)},
    ]);
    expect(cyrillic.fixed).toBe(withK);
    const fullWidth = checkPassword(password.replace(/[0-9A-Z]/, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)));
    expect(kinds(fullWidth.problems)).toEqual(['lookalike']);
    expect(fullWidth.fixed).toBe(password);
  });

  it('invalid-character names the character and position and is never fixed', () => {
    const result = checkPassword(replaceAt(password, 2, '#'));
    expect(result.problems).toEqual([
      {kind: 'invalid-character', message: expect.stringMatching(/3rd character, "#" \(U\+0023\), is never used/)},
    ]);
    expect(result.fixed).toBeUndefined();
    const u = checkPassword(replaceAt(password, 0, 'U'));
    expect(u.problems[0]?.message).toMatch(/should be V/);
    expect(u.fixed).toBeUndefined();
  });

  it('invalid-character: quotation marks and a full stop around the password are removed', () => {
    const result = checkPassword(`“${password}”.`);
    expect(kinds(result.problems)).toEqual(['invalid-character', 'invalid-character']);
    expect(result.problems[1]?.message).toMatch(/ends with a quotation mark \(”\) and a full stop "\."/);
    expect(result.fixed).toBe(password);
  });

  it('check-failed for a mistyped character, with no fix', () => {
    const canonical = password.replace(/-/g, '');
    const typo = replaceAt(password, 0, canonical[0] === 'A' ? 'B' : 'A');
    const result = checkPassword(typo);
    expect(result.problems).toEqual([{kind: 'check-failed', message: expect.stringMatching(/built-in check.*Copy it again/)}]);
    expect(result.fixed).toBeUndefined();
  });

  it('group-separator: missing, doubled, misplaced, a space or a typographic dash', () => {
    const noDashes = checkPassword(password.replace(/-/g, ''));
    expect(noDashes.problems).toEqual([
      {kind: 'group-separator', message: expect.stringMatching(/dashes between the groups are missing/)},
    ]);
    expect(noDashes.fixed).toBe(password);
    const oneMissing = checkPassword(password.replace(/^(.{9})-/, '$1'));
    expect(oneMissing.problems[0]?.message).toMatch(/dash after the 2nd group is missing/);
    const doubled = checkPassword(password.replace('-', '--'));
    expect(doubled.problems[0]?.message).toMatch(/2 dashes after the 1st group/);
    const smart = checkPassword(password.replace('-', '\u2013'));
    expect(smart.problems[0]?.message).toMatch(/5th character is an en dash .*U\+2013/);
    const spaced = checkPassword(password.replace('-', ' '));
    expect(spaced.problems[0]?.message).toMatch(/A space separates the 1st and 2nd groups where a dash belongs/);
    const misplaced = checkPassword(`${password.slice(0, 2)}-${password.slice(2)}`);
    expect(misplaced.problems[0]?.message).toMatch(/dash after the 2nd character, inside a group/);
    const edges = checkPassword(`-${password}-`);
    expect(kinds(edges.problems)).toEqual(['group-separator', 'group-separator']);
    for (const result of [oneMissing, doubled, smart, spaced, misplaced, edges]) {
      expect(kinds(result.problems).every((kind) => kind === 'group-separator')).toBe(true);
      expect(result.fixed).toBe(password);
    }
  });

  it('several mistakes at once are all named, and fixed when every one is certain', () => {
    const withZero = samples.find((sample) => sample.includes('0')) ?? password;
    const messy = ` ${withZero.toLowerCase().replace('0', 'o').replace('-', '\u2014')}\n`;
    const result = checkPassword(messy);
    expect(new Set(kinds(result.problems))).toEqual(
      new Set(['whitespace', 'line-break', 'wrong-case', 'lookalike', 'group-separator']),
    );
    expect(result.fixed).toBe(withZero);
    expect(checkPassword(`${messy}#`).fixed).toBeUndefined();
  });

  it('offers a fix only when the corrected value passes the check', () => {
    for (const sample of samples.slice(0, 100)) {
      const result = checkPassword(` ${sample.toLowerCase().replace(/-/g, ' ')}`);
      expect(result.fixed).toBe(sample);
      expect(checkPassword(result.fixed ?? '').ok).toBe(true);
      const broken = checkPassword(` ${replaceAt(sample, 0, sample[0] === '7' ? '8' : '7').toLowerCase()}`);
      expect(broken.fixed).toBeUndefined();
    }
  });
});
