import {describe, expect, it} from 'vitest';
import {XMLValidator} from 'fast-xml-parser';
import {
  QWC_SCHEMA,
  QWC_MIME_TYPE,
  buildQwc,
  decodeQwcShareParams,
  defaultQwc,
  encodeQwcShareParams,
  newGuid,
  parseQwc,
  qwcFileName,
  validateQwc,
  type QwcModel,
} from '../../../src/qbwc/qwc';

/** A small deterministic generator (mulberry32) so failures are reproducible from the seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY_PIECES = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  ']]>',
  'Café',
  'Größe',
  '日本語',
  '😀',
  'Ledger',
  'Sync',
  'A&B <Co>',
  '&#65;',
  ' - ',
];

function generateModel(seed: number): QwcModel {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const text = (words: number) =>
    Array.from({length: words}, () => pick(TRICKY_PIECES))
      .join(' ')
      .trim();
  const guid = () =>
    `{${Array.from({length: 32}, () => pick('0123456789ABCDEFabcdef'.split('')))
      .join('')
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}}`;
  const host = pick(['sync.example.com', 'qb.example.co.uk', 'localhost']);
  const scheme = host === 'localhost' ? pick(['http', 'https']) : 'https';
  const model: QwcModel = {
    appName: `${pick(['Ledger', 'Books', 'Café'])} ${text(2)}`.trim(),
    appId: pick(['', 'LedgerSync', text(1)]),
    appUrl: `${scheme}://${host}/qbwc?a=1&b=${pick(['2', 'x"y'])}`,
    appDescription: text(3).slice(0, 60).trim() || 'Syncs',
    appSupport: `${scheme}://${host}/support`,
    userName: `${pick(['user', 'ülrich', "o'brien"])}${Math.floor(random() * 100)}`,
    ownerId: guid(),
    fileId: guid(),
    qbType: pick(['QBFS', 'QBPOS']),
  };
  if (random() < 0.7) model.scheduler = {unit: pick(['minutes', 'seconds'] as const), every: 1 + Math.floor(random() * 1440)};
  if (random() < 0.5) model.isReadOnly = random() < 0.5;
  if (random() < 0.5) model.personalDataPref = pick(['pdpNotNeeded', 'pdpOptional', 'pdpRequired']);
  if (random() < 0.5) model.unattendedModePref = pick(['umpRequired', 'umpOptional']);
  if (random() < 0.5 && model.qbType === 'QBFS') model.authFlags = pick(['0x0', '0xF']);
  if (random() < 0.5) model.notify = random() < 0.5;
  if (random() < 0.5) model.appDisplayName = text(2) || 'Display';
  if (random() < 0.5) model.appUniqueName = `unique-${text(1)}`;
  if (random() < 0.3) model.certUrl = `https://certs.${host === 'localhost' ? 'example.com' : host}/c?x=1&y=2`;
  if (random() < 0.5) model.style = pick(['Document', 'DocWrapped', 'RPC']);
  return model;
}

describe('buildQwc', () => {
  const model: QwcModel = {
    appName: 'Smith & Sons <Books>',
    appId: '',
    appUrl: 'https://sync.example.com/qbwc?tenant=a&mode=b',
    appDescription: 'Café "quotes" and \'apostrophes\'',
    appSupport: 'https://sync.example.com/support',
    userName: 'smith',
    ownerId: '{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}',
    fileId: '{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}',
    qbType: 'QBFS',
    scheduler: {unit: 'seconds', every: 45},
    isReadOnly: true,
    appDisplayName: '',
  };
  const xml = buildQwc(model);

  it('writes a UTF-8 declaration, no BOM, 2-space indentation and well-formed XML', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<QBWCXML>\n  <AppName>')).toBe(true);
    expect(xml.charCodeAt(0)).not.toBe(0xfeff);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('\n  <Scheduler>\n    <RunEveryNSeconds>45</RunEveryNSeconds>\n  </Scheduler>\n');
    expect(xml.endsWith('</QBWCXML>\n')).toBe(true);
  });

  it('escapes text instead of writing it raw', () => {
    expect(xml).toContain('<AppName>Smith &amp; Sons &lt;Books&gt;</AppName>');
    expect(xml).toContain('tenant=a&amp;mode=b');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('writes required elements even when empty and leaves out unset or empty optional ones', () => {
    expect(xml).toContain('<AppID></AppID>');
    expect(xml).not.toContain('AppDisplayName');
    expect(xml).not.toContain('Notify');
    expect(xml).toContain('<IsReadOnly>true</IsReadOnly>');
  });

  it('writes the elements in the QWC_SCHEMA order', () => {
    const full: QwcModel = {
      ...model,
      style: 'Document',
      authFlags: '0xF',
      personalDataPref: 'pdpOptional',
      unattendedModePref: 'umpOptional',
      notify: false,
      appDisplayName: 'D',
      appUniqueName: 'U',
      certUrl: 'https://sync.example.com/cert',
    };
    const order = [...buildQwc(full).matchAll(/^ {2}<(\w+)>/gm)].map((match) => match[1]);
    expect(order).toEqual(QWC_SCHEMA.map((entry) => entry.element));
  });
});

describe('round trip', () => {
  it.each(Array.from({length: 40}, (_, i) => i + 1))('parseQwc(buildQwc(model)) gives back model #%i', (seed) => {
    const model = generateModel(seed);
    expect(validateQwc(model).filter((entry) => entry.severity === 'error')).toEqual([]);
    const result = parseQwc(buildQwc(model));
    expect(result.model).toEqual(model);
    expect(result.issues.filter((entry) => entry.severity === 'error')).toEqual([]);
  });

  it('keeps a default model intact', () => {
    const model = defaultQwc({
      appName: 'Ledger Sync',
      appUrl: 'https://sync.example.com/qbwc',
      appSupport: 'https://sync.example.com/help',
    });
    expect(parseQwc(buildQwc(model))).toEqual({model, issues: []});
  });
});

describe('parseQwc', () => {
  const minimal = (inside: string) =>
    `<QBWCXML><AppName>A</AppName><AppID/><AppURL>https://a.example.com/q</AppURL><AppDescription>d</AppDescription><AppSupport>https://a.example.com/s</AppSupport><UserName>u</UserName><OwnerID>{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}</OwnerID><FileID>{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}</FileID><QBType>QBFS</QBType>${inside}</QBWCXML>`;

  it("reads the peers' style: no encoding, tabs, CRLF line ends, a BOM, comments and CDATA", () => {
    const xml =
      '\uFEFF<?xml version="1.0"?>\r\n<QBWCXML>\r\n\t<!-- made by hand -->\r\n\t<AppName><![CDATA[A & B]]></AppName>\r\n\t<AppID></AppID>\r\n\t<AppURL>https://a.example.com/q</AppURL>\r\n\t<AppDescription>d &#x263A; &#65;</AppDescription>\r\n\t<AppSupport>https://a.example.com/s</AppSupport>\r\n\t<UserName>u</UserName>\r\n\t<OwnerID>{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}</OwnerID>\r\n\t<FileID>{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}</FileID>\r\n\t<QBType>QBFS</QBType>\r\n</QBWCXML>\r\n';
    const result = parseQwc(xml);
    expect(result.issues).toEqual([]);
    expect(result.model?.appName).toBe('A & B');
    expect(result.model?.appDescription).toBe('d ☺ A');
  });

  it('reports missing AppID and AppDescription elements (they may be empty, not absent)', () => {
    const result = parseQwc(minimal('').replace('<AppID/>', '').replace('<AppDescription>d</AppDescription>', ''));
    const missing = result.issues.filter((entry) => entry.code === 'QBWC1039');
    expect(missing.map((entry) => entry.field)).toEqual(['appId', 'appDescription']);
    expect(missing[0]?.message).toContain('<AppID></AppID>');
  });

  it('words an absent element and an empty one the same way, once each', () => {
    const absent = parseQwc(
      minimal('')
        .replace(/<OwnerID>.*<\/OwnerID>/, '')
        .replace('<AppID/>', ''),
    );
    const empty = parseQwc(minimal('').replace(/<OwnerID>.*<\/OwnerID>/, '<OwnerID></OwnerID>'));
    const ownerAbsent = absent.issues.filter((entry) => entry.field === 'ownerId');
    const ownerEmpty = empty.issues.filter((entry) => entry.field === 'ownerId');
    expect(ownerAbsent.map((entry) => entry.message)).toEqual([
      'OwnerID is missing: the file has no <OwnerID> element. The Web Connector refuses a .qwc file without it (QBWC1039).',
    ]);
    expect(ownerEmpty.map((entry) => entry.message)).toEqual([
      'OwnerID is missing: <OwnerID> is empty. The Web Connector refuses a .qwc file without it (QBWC1039).',
    ]);
    expect(absent.issues.find((entry) => entry.field === 'appId')?.message).toMatch(
      /^AppID is missing: the file has no <AppID> element\. It may be empty/,
    );
  });

  it('quotes an address exactly as the file writes it', () => {
    const result = parseQwc(
      minimal('')
        .replace('https://a.example.com/q', 'http://example.com')
        .replace('https://a.example.com/s', 'http://example.com/s'),
    );
    const http = result.issues.find((entry) => entry.code === 'QBWC1010');
    expect(http?.message).toMatch(/^AppURL "http:\/\/example\.com" uses http\./);
  });

  it('rejects HTML entities that XML does not define', () => {
    const result = parseQwc(minimal('').replace('<AppName>A</AppName>', '<AppName>A&nbsp;B</AppName>'));
    expect(result.issues).toContainEqual(
      expect.objectContaining({field: 'document', severity: 'error', message: expect.stringContaining('&nbsp;')}),
    );
  });

  it('reports duplicates, loose text, a password element, and Scheduler children in the wrong place', () => {
    const result = parseQwc(
      minimal('<AppName>B</AppName>stray<Password>secret</Password><RunEveryNMinutes>5</RunEveryNMinutes>'),
    );
    const messages = result.issues.map((entry) => entry.message).join('\n');
    expect(result.model?.appName).toBe('A');
    expect(messages).toMatch(/<AppName> appears more than once/);
    expect(messages).toMatch(/loose text \("stray"\)/);
    expect(messages).toMatch(/never carries the password/);
    expect(messages).toMatch(/must sit inside <Scheduler>/);
    expect(result.model?.scheduler).toBeUndefined();
  });

  it('prefers the correctly spelt element over a miscased one and names the line', () => {
    const result = parseQwc(minimal('').replace('<QBType>QBFS</QBType>', '<qbtype>QBPOS</qbtype>\n<QBType>QBFS</QBType>'));
    expect(result.model?.qbType).toBe('QBFS');
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'qbType',
        severity: 'error',
        message: expect.stringMatching(/<qbtype> \(line 1\) must be written <QBType>/),
      }),
    ]);
  });

  it('reports a miscased root but still reads the file', () => {
    const result = parseQwc(minimal('').replace(/QBWCXML/g, 'QbwcXml'));
    expect(result.model?.appName).toBe('A');
    expect(result.issues).toEqual([
      expect.objectContaining({field: 'document', message: expect.stringMatching(/must be written <QBWCXML>/)}),
    ]);
  });

  it('reads booleans literally, offering a fix for the wrong case', () => {
    const wrongCase = parseQwc(minimal('<IsReadOnly>True</IsReadOnly>'));
    expect(wrongCase.model?.isReadOnly).toBeUndefined();
    expect(wrongCase.issues).toEqual([
      expect.objectContaining({field: 'isReadOnly', severity: 'error', fix: {isReadOnly: true}}),
    ]);
    const notify = parseQwc(minimal('<Notify>yes</Notify>'));
    expect(notify.model?.notify).toBe(false);
    expect(notify.issues).toEqual([
      expect.objectContaining({field: 'notify', severity: 'warning', message: expect.stringMatching(/keeps notifications off/)}),
    ]);
  });

  it('rejects a Scheduler value that is not a number, and an element holding elements', () => {
    const result = parseQwc(minimal('<Scheduler><RunEveryNMinutes>often</RunEveryNMinutes></Scheduler><Style><b>x</b></Style>'));
    expect(result.model?.scheduler).toBeUndefined();
    expect(result.model?.style).toBeUndefined();
    expect(result.issues.map((entry) => entry.field).sort()).toEqual(['scheduler', 'style']);
  });

  it('rejects DOCTYPE declarations without expanding them', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE QBWCXML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${minimal('').replace('<AppName>A</AppName>', '<AppName>&b;</AppName>')}`;
    const result = parseQwc(bomb);
    expect(result.model).toBeNull();
    expect(result.issues[0]?.message).toMatch(/DOCTYPE/);
  });

  it('reports broken XML with its line and column and never throws', () => {
    const inputs = [
      '<QBWCXML><AppName>x</QBWCXML>',
      '<QBWCXML>',
      '<',
      '<?xml version="1.0"?>',
      '<a/><b/>',
      '<QBWCXML><AppName>a < b</AppName></QBWCXML>',
      '\u0000\u0001',
      '   \n',
    ];
    for (const input of inputs) {
      const result = parseQwc(input);
      expect(result.issues[0], input).toMatchObject({field: 'document', severity: 'error'});
    }
    expect(parseQwc('<QBWCXML><AppName>x</QBWCXML>').issues[0]?.message).toMatch(/line 1, column \d+/);
    expect(parseQwc('<QBWCXML><AppName>a < b</AppName></QBWCXML>').issues[0]?.message).toContain('&lt;');
    expect(parseQwc(undefined as unknown as string).model).toBeNull();
  });
});

describe('defaultQwc and newGuid', () => {
  it('creates fresh upper-case braced GUIDs, QBFS and a 15-minute scheduler', () => {
    const first = defaultQwc({
      appName: ' Ledger Sync ',
      appUrl: 'https://sync.example.com/qbwc',
      appSupport: 'https://sync.example.com/help',
    });
    const second = defaultQwc({
      appName: 'Ledger Sync',
      appUrl: 'https://sync.example.com/qbwc',
      appSupport: 'https://sync.example.com/help',
      userName: 'me',
      appDescription: 'Mine',
    });
    expect(first.ownerId).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    expect(new Set([first.ownerId, first.fileId, second.ownerId, second.fileId]).size).toBe(4);
    expect(first).toMatchObject({appName: 'Ledger Sync', appId: '', qbType: 'QBFS', scheduler: {unit: 'minutes', every: 15}});
    expect(first.appDescription).toContain('Ledger Sync');
    expect(second).toMatchObject({userName: 'me', appDescription: 'Mine'});
    expect(validateQwc(first)).toEqual([]);
  });

  it('newGuid never repeats over many calls', () => {
    const guids = new Set(Array.from({length: 500}, () => newGuid()));
    expect(guids.size).toBe(500);
  });
});

describe('QWC_SCHEMA', () => {
  it('lists every model field once, with a label and help text', () => {
    const fields = QWC_SCHEMA.map((entry) => entry.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toHaveLength(19);
    for (const entry of QWC_SCHEMA) {
      expect(entry.label.length, entry.element).toBeGreaterThan(2);
      expect(entry.help.length, entry.element).toBeGreaterThan(20);
    }
    expect(QWC_SCHEMA.filter((entry) => entry.required !== 'no').map((entry) => entry.element)).toEqual([
      'AppName',
      'AppID',
      'AppURL',
      'AppDescription',
      'AppSupport',
      'UserName',
      'OwnerID',
      'FileID',
      'QBType',
    ]);
    expect(QWC_SCHEMA.filter((entry) => entry.required === 'element').map((entry) => entry.element)).toEqual([
      'AppID',
      'AppDescription',
    ]);
  });

  it('gives every element but the Scheduler its own share parameter, and every choice its allowed values', () => {
    const params = QWC_SCHEMA.flatMap((entry) => ('share' in entry ? [entry.share] : []));
    expect(params).toHaveLength(18);
    expect(new Set(params).size).toBe(params.length);
    for (const entry of QWC_SCHEMA) expect('allowed' in entry, entry.element).toBe(entry.kind === 'choice');
  });
});

describe('file name and MIME type', () => {
  it('makes a Windows-safe name from the app name', () => {
    expect(QWC_MIME_TYPE).toBe('application/x-qwc');
    expect(qwcFileName('Ledger Sync')).toBe('Ledger Sync.qwc');
    expect(qwcFileName('  A/B: C*D?  ')).toBe('A-B- C-D.qwc');
    expect(qwcFileName('...')).toBe('web-connector-app.qwc');
    expect(qwcFileName('CON')).toBe('CON-app.qwc');
    expect(qwcFileName('x'.repeat(300))).toBe(`${'x'.repeat(100)}.qwc`);
    expect(qwcFileName('Café 日本')).toBe('Café 日本.qwc');
  });
});

describe('share parameters', () => {
  it('round-trips every field through a query string', () => {
    for (let seed = 100; seed < 120; seed++) {
      const model = generateModel(seed);
      const query = encodeQwcShareParams(model);
      expect(decodeQwcShareParams(`?${query}`)).toEqual(model);
      expect(decodeQwcShareParams(query)).toEqual(model);
    }
  });

  it('skips unknown parameters and unreadable values', () => {
    expect(decodeQwcShareParams('?n=Ledger&ro=maybe&min=soon&sec=30&zzz=1')).toEqual({
      appName: 'Ledger',
      scheduler: {unit: 'seconds', every: 30},
    });
    expect(decodeQwcShareParams('')).toEqual({});
  });
});

describe('newGuid without randomUUID', () => {
  it('falls back to getRandomValues and still writes a braced version-4 GUID', () => {
    const crypto = globalThis.crypto as {randomUUID?: unknown};
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', {value: undefined, configurable: true, writable: true});
    try {
      const guids = Array.from({length: 50}, () => newGuid());
      for (const guid of guids) expect(guid).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
      expect(new Set(guids).size).toBe(50);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', {value: original, configurable: true, writable: true});
    }
  });
});
