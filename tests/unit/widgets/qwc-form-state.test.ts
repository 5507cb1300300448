import {describe, expect, it} from 'vitest';
import {buildQwc, parseQwc, type QwcModel} from '../../../src/qbwc/qwc';
import {
  MAX_QWC_BYTES,
  TEXT_FIELDS,
  applyFix,
  brandedDefaultModel,
  brandedEndpointUrls,
  describeFix,
  firstErrorField,
  formToModel,
  initialModel,
  inspectFileBytes,
  inspectText,
  issueHref,
  issueLinkText,
  issuesByField,
  modelToForm,
  referenceHref,
  shareLink,
  summarizeIssues,
  validateForm,
} from '../../../src/components/QwcGenerator/form-state';

const branding = {appName: 'Acme Sync', productName: 'Acme', endpointUrl: '/qbwc'};

function validModel(): QwcModel {
  return {
    appName: 'Acme Sync',
    appId: '',
    appUrl: 'https://sync.acme.test/qbwc',
    appDescription: 'Exchanges data between QuickBooks and Acme',
    appSupport: 'https://sync.acme.test/qbwc/support',
    userName: 'acme-user',
    ownerId: '{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}',
    fileId: '{3A0C6F5E-2B1D-4C8E-9F7A-1D2E3F4A5B6C}',
    qbType: 'QBFS',
    scheduler: {unit: 'minutes', every: 30},
    isReadOnly: false,
    personalDataPref: 'pdpOptional',
    style: 'Document',
  };
}

describe('branded defaults', () => {
  it('resolves a relative endpoint against the page origin and puts the support page beside it', () => {
    expect(brandedEndpointUrls('/qbwc', 'https://help.acme.test')).toEqual({
      appUrl: 'https://help.acme.test/qbwc',
      appSupport: 'https://help.acme.test/qbwc/support',
    });
  });

  it('keeps an absolute endpoint and drops its query from the support URL', () => {
    expect(brandedEndpointUrls('https://api.acme.test/soap/?x=1', 'https://help.acme.test')).toEqual({
      appUrl: 'https://api.acme.test/soap/?x=1',
      appSupport: 'https://api.acme.test/soap/support',
    });
  });

  it('names the loopback address localhost, because the Web Connector refuses IP hosts', () => {
    expect(brandedEndpointUrls('/qbwc', 'http://127.0.0.1:4601').appUrl).toBe('http://localhost:4601/qbwc');
  });

  it('builds a model with the app name, product name and fresh distinct GUIDs, without errors on https', () => {
    const model = brandedDefaultModel(branding, 'https://help.acme.test');
    expect(model.appName).toBe('Acme Sync');
    expect(model.appDescription).toContain('Acme');
    expect(model.ownerId).not.toBe(model.fileId);
    expect(validateForm(modelToForm(model)).filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('form <-> model', () => {
  it('round-trips a model through the form values unchanged', () => {
    const model = validModel();
    expect(formToModel(modelToForm(model))).toEqual(model);
  });

  it('leaves empty optional fields and "not set" choices out of the model, keeps empty required ones', () => {
    const values = modelToForm(validModel());
    values.text.style = '';
    values.booleans.isReadOnly = '';
    values.schedulerUnit = '';
    values.text.appId = '';
    const model = formToModel(values);
    expect(model).not.toHaveProperty('style');
    expect(model).not.toHaveProperty('isReadOnly');
    expect(model).not.toHaveProperty('scheduler');
    expect(model.appId).toBe('');
  });

  it('covers every text element of the file', () => {
    expect(TEXT_FIELDS).toContain('appUrl');
    expect(TEXT_FIELDS).toContain('certUrl');
    expect(TEXT_FIELDS).not.toContain('scheduler');
  });
});

describe('validation in the form', () => {
  it('puts the QBWC1010 error on the App URL with a troubleshooting link', () => {
    const values = modelToForm({...validModel(), appUrl: 'http://example.com/qbwc', appSupport: 'http://example.com/support'});
    const issues = issuesByField(validateForm(values)).get('appUrl') ?? [];
    const https = issues.find((issue) => issue.code === 'QBWC1010');
    expect(https?.severity).toBe('error');
    expect(issueHref(https ?? {})).toBe('/docs/troubleshooting#qbwc1010');
    expect(issueLinkText(https ?? {})).toBe('What QBWC1010 means');
    expect(firstErrorField(validateForm(values))).toBe('appUrl');
  });

  it('reports a non-number interval in words, once, instead of NaN', () => {
    const values = modelToForm(validModel());
    values.schedulerEvery = 'often';
    const scheduler = validateForm(values).filter((issue) => issue.field === 'scheduler');
    expect(scheduler).toHaveLength(1);
    expect(scheduler[0]?.message).toContain('"often" is not a number');
    expect(scheduler[0]?.message).not.toContain('NaN');
    values.schedulerEvery = '';
    expect(validateForm(values).find((issue) => issue.field === 'scheduler')?.message).toContain('is empty');
  });

  it('counts errors and warnings in words', () => {
    expect(summarizeIssues([])).toBe('No problems');
    expect(
      summarizeIssues([
        {field: 'appUrl', severity: 'error', message: 'a'},
        {field: 'fileId', severity: 'error', message: 'b'},
        {field: 'appDescription', severity: 'warning', message: 'c'},
      ]),
    ).toBe('2 errors, 1 warning');
    expect(summarizeIssues([{field: 'appName', severity: 'warning', message: 'x'}])).toBe('1 warning');
  });

  it('sorts errors before warnings within a field', () => {
    const grouped = issuesByField([
      {field: 'appUrl', severity: 'warning', message: 'w'},
      {field: 'appUrl', severity: 'error', message: 'e'},
    ]);
    expect(grouped.get('appUrl')?.map((issue) => issue.severity)).toEqual(['error', 'warning']);
  });

  it('has no link for an anchor the catalogue does not know', () => {
    expect(issueHref({anchor: 'no-such-anchor'})).toBeUndefined();
    expect(issueHref({})).toBeUndefined();
  });

  it('links each element to its reference section', () => {
    expect(referenceHref('appUrl')).toBe('/docs/reference/qwc-file#appurl');
    expect(referenceHref('scheduler')).toBe('/docs/reference/qwc-file#scheduler');
  });
});

describe('one-click fixes', () => {
  it('applies a GUID brace fix to that field only and clears the error', () => {
    const values = modelToForm(validModel());
    values.text.ownerId = '57F3B9B1-86F1-4FCC-B1EE-566DE1813D20';
    values.text.appName = 'Acme Sync ';
    const issue = validateForm(values).find((candidate) => candidate.field === 'ownerId' && candidate.fix);
    expect(issue?.fix).toBeDefined();
    const fixed = applyFix(values, issue?.fix ?? {});
    expect(fixed.text.ownerId).toBe('{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}');
    expect(fixed.text.appName).toBe('Acme Sync ');
    expect(validateForm(fixed).some((candidate) => candidate.field === 'ownerId')).toBe(false);
  });

  it('applies a scheduler fix to both controls', () => {
    const values = modelToForm({...validModel(), scheduler: {unit: 'seconds', every: 2.6}});
    const fixed = applyFix(values, {scheduler: {unit: 'seconds', every: 3}});
    expect([fixed.schedulerUnit, fixed.schedulerEvery]).toEqual(['seconds', '3']);
  });

  it('describes a fix on its button in words', () => {
    expect(describeFix({appUrl: 'https://a.test/qbwc'})).toBe('Set App URL to "https://a.test/qbwc"');
    expect(describeFix({scheduler: {unit: 'minutes', every: 5}})).toBe('Set Run every to every 5 minutes');
  });
});

describe('shareable link', () => {
  it('reopens with exactly the same values, including unset optional fields', () => {
    const model = validModel();
    delete model.style;
    const link = shareLink(modelToForm(model), 'https://help.acme.test', '/docs/tools/qwc-generator');
    const url = new URL(link);
    expect(url.pathname).toBe('/docs/tools/qwc-generator');
    const reopened = initialModel(url.search, brandedDefaultModel(branding, 'https://help.acme.test'));
    expect(reopened.fromLink).toBe(true);
    expect(reopened.model).toEqual(model);
  });

  it('uses the defaults when the address carries no shared values', () => {
    const defaults = brandedDefaultModel(branding, 'https://help.acme.test');
    expect(initialModel('', defaults)).toEqual({model: defaults, fromLink: false});
    expect(initialModel('?utm_source=mail', defaults)).toEqual({model: defaults, fromLink: false});
  });

  it('lets a partial link override only the fields it names', () => {
    const defaults = brandedDefaultModel(branding, 'https://help.acme.test');
    const {model} = initialModel('?user=support-42', defaults);
    expect(model.userName).toBe('support-42');
    expect(model.ownerId).toBe(defaults.ownerId);
    expect(model.scheduler).toEqual(defaults.scheduler);
  });
});

describe('inspecting a file', () => {
  const encoder = new TextEncoder();

  it('parses a valid file and hands back its model', () => {
    const inspected = inspectFileBytes(encoder.encode(buildQwc(validModel())));
    expect(inspected.kind).toBe('parsed');
    if (inspected.kind !== 'parsed') return;
    expect(inspected.result.issues).toEqual([]);
    expect(inspected.result.model?.appUrl).toBe('https://sync.acme.test/qbwc');
  });

  it('reads a UTF-16 file saved by Notepad', () => {
    const xml = buildQwc(validModel());
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) bytes[2 + i * 2] = xml.charCodeAt(i);
    const inspected = inspectFileBytes(bytes);
    expect(inspected.kind === 'parsed' && inspected.result.model?.appName).toBe('Acme Sync');
  });

  it('explains a binary file instead of parsing it', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xd8, 0x00]);
    const inspected = inspectFileBytes(zip);
    expect(inspected.kind).toBe('unreadable');
    expect(inspected.kind === 'unreadable' && inspected.message).toMatch(/not a text file/);
  });

  it('refuses a file over 1 MB with its size in words', () => {
    const inspected = inspectFileBytes(new Uint8Array(MAX_QWC_BYTES + 1).fill(0x20));
    expect(inspected.kind === 'unreadable' && inspected.message).toMatch(/1\.0 MB, far too large/);
    expect(inspectText('x'.repeat(MAX_QWC_BYTES + 1)).kind).toBe('unreadable');
  });

  it('passes empty and non-XML text to parseQwc, which explains them', () => {
    for (const text of ['', 'hello world']) {
      const inspected = inspectText(text);
      expect(inspected.kind).toBe('parsed');
      if (inspected.kind !== 'parsed') continue;
      expect(inspected.result.model).toBeNull();
      expect(inspected.result.issues[0]?.field).toBe('document');
    }
  });

  it('keeps parse issues and validation issues together', () => {
    const xml = buildQwc(validModel()).replace(
      '<AppURL>https://sync.acme.test/qbwc</AppURL>',
      '<AppUrl>http://sync.acme.test/qbwc</AppUrl>',
    );
    const inspected = inspectText(xml);
    expect(inspected.kind).toBe('parsed');
    if (inspected.kind !== 'parsed') return;
    const messages = inspected.result.issues.map((issue) => issue.message).join('\n');
    expect(messages).toContain('<AppURL>');
    expect(inspected.result.issues.some((issue) => issue.code === 'QBWC1010')).toBe(true);
    expect(parseQwc(xml).issues).toEqual(inspected.result.issues);
  });
});
