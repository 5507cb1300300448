/**
 * The generator's form as plain data: the text in each control, how it becomes a QwcModel, which
 * problems show beside which control, and how a chosen or pasted file is read. No React here, so
 * all of it is unit-tested without a browser.
 */
import {
  QWC_BOOLEAN_FIELDS,
  QWC_REQUIRED_FIELDS,
  QWC_SCHEMA,
  QWC_TEXT_FIELDS,
  decodeQwcShareParams,
  defaultQwc,
  emptyQwc,
  encodeQwcShareParams,
  parseQwc,
  qwcElement,
  schedulerUnit,
  validateQwc,
  type QwcBooleanField,
  type QwcField,
  type QwcIssue,
  type QwcModel,
  type QwcParseResult,
  type QwcTextField,
} from '../../qbwc/qwc';
import {troubleshootingHref} from '../../qbwc/troubleshooting';
import {withLoopbackAsLocalhost} from '../../qbwc/url-rules';
import {defaultBranding} from '../../branding';

export type TextField = QwcTextField;
export type BooleanField = QwcBooleanField;
export type SchedulerUnit = '' | 'minutes' | 'seconds';

/** Exactly what the controls hold: text, so a half-typed value is never lost or coerced. */
export interface QwcFormValues {
  text: Record<TextField, string>;
  /** '' means the element is left out of the file. */
  booleans: Record<BooleanField, '' | 'true' | 'false'>;
  schedulerUnit: SchedulerUnit;
  schedulerEvery: string;
}

export const TEXT_FIELDS: readonly TextField[] = QWC_TEXT_FIELDS;

const REQUIRED = new Set<keyof QwcModel>(QWC_REQUIRED_FIELDS);

/** Values a select offers, from the schema; anything else a file holds is shown too, marked as not allowed. */
export const FIELD_CHOICES: Partial<Record<TextField, readonly string[]>> = Object.fromEntries(
  QWC_SCHEMA.flatMap((entry) => ('allowed' in entry ? [[entry.field, entry.allowed]] : [])),
);

export function isBooleanField(field: keyof QwcModel): field is BooleanField {
  return qwcElement(field).kind === 'boolean';
}

/** The id of the control a field's problems point at; the scheduler's is its number box. */
export function controlId(idPrefix: string, field: keyof QwcModel): string {
  return `${idPrefix}-${field}`;
}

/** '/docs/reference/qwc-file#appurl': the reference section for an element. */
export function referenceHref(field: keyof QwcModel): string {
  return `/docs/reference/qwc-file#${qwcElement(field).element.toLowerCase()}`;
}

/** The troubleshooting link for an issue, or undefined when it has none the catalogue knows. */
export function issueHref(issue: Pick<QwcIssue, 'anchor'>): string | undefined {
  if (!issue.anchor) return undefined;
  try {
    return troubleshootingHref(issue.anchor);
  } catch {
    return undefined;
  }
}

/** 'What QBWC1010 means' when the issue names a code, else a generic link text. */
export function issueLinkText(issue: Pick<QwcIssue, 'code'>): string {
  return issue.code ? `What ${issue.code} means` : 'How to fix this';
}

export function modelToForm(model: QwcModel): QwcFormValues {
  const text = {} as Record<TextField, string>;
  for (const field of TEXT_FIELDS) text[field] = model[field] ?? '';
  const flag = (value: boolean | undefined) => (value === undefined ? '' : value ? 'true' : 'false');
  return {
    text,
    booleans: {isReadOnly: flag(model.isReadOnly), notify: flag(model.notify)},
    schedulerUnit: model.scheduler?.unit ?? '',
    schedulerEvery: model.scheduler ? String(model.scheduler.every) : '',
  };
}

/** Whether the interval box holds a number at all (whole or not; validateQwc judges the rest). */
function readInterval(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function formToModel(values: QwcFormValues): QwcModel {
  const model = {} as QwcModel;
  for (const field of TEXT_FIELDS) {
    const value = values.text[field];
    if (REQUIRED.has(field) || value !== '') (model as unknown as Record<string, string>)[field] = value;
  }
  for (const field of QWC_BOOLEAN_FIELDS) {
    const value = values.booleans[field];
    if (value !== '') model[field] = value === 'true';
  }
  if (values.schedulerUnit !== '') {
    model.scheduler = {unit: values.schedulerUnit, every: readInterval(values.schedulerEvery) ?? Number.NaN};
  }
  return model;
}

/**
 * Every problem of the form. A non-number in the interval box is the form's own problem (the
 * model cannot hold it), reported in words instead of validateQwc's "NaN".
 */
export function validateForm(values: QwcFormValues): QwcIssue[] {
  const issues = validateQwc(formToModel(values));
  if (values.schedulerUnit === '' || readInterval(values.schedulerEvery) !== undefined) return issues;
  const {element} = schedulerUnit(values.schedulerUnit);
  const typed = values.schedulerEvery.trim();
  const own: QwcIssue = {
    field: 'scheduler',
    severity: 'error',
    message:
      typed === ''
        ? `${element} is empty. Enter a whole number of ${values.schedulerUnit}, at least 1, or choose "Not set" to leave the interval to the user.`
        : `${element} "${typed}" is not a number. Enter a whole number of ${values.schedulerUnit}, at least 1.`,
  };
  return [...issues.filter((issue) => issue.field !== 'scheduler'), own];
}

/** Applies an issue's fix to the form, leaving every other field as typed. */
export function applyFix(values: QwcFormValues, fix: Partial<QwcModel>): QwcFormValues {
  const model = {...formToModel(values), ...fix};
  const fixed = modelToForm(model);
  // Only the fixed fields change; the rest keep their exact text (e.g. a half-typed interval).
  const next: QwcFormValues = {...values, text: {...values.text}, booleans: {...values.booleans}};
  for (const key of Object.keys(fix) as (keyof QwcModel)[]) {
    if (key === 'scheduler') {
      next.schedulerUnit = fixed.schedulerUnit;
      next.schedulerEvery = fixed.schedulerEvery;
    } else if (isBooleanField(key)) {
      next.booleans[key] = fixed.booleans[key];
    } else {
      next.text[key] = fixed.text[key];
    }
  }
  return next;
}

/** How a fix reads on its button: 'Set App URL to "https://…"'. */
export function describeFix(fix: Partial<QwcModel>): string {
  const parts = (Object.entries(fix) as [keyof QwcModel, QwcModel[keyof QwcModel]][]).map(([field, value]) => {
    const label = qwcElement(field).label;
    if (value === undefined) return `clear ${label}`;
    if (typeof value === 'object') return `set ${label} to every ${value.every} ${value.unit}`;
    return `set ${label} to "${String(value)}"`;
  });
  const text = parts.join(' and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly QwcIssue[]): IssueCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return {errors, warnings: issues.length - errors};
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** '2 errors, 1 warning' or 'No problems'. */
export function summarizeIssues(issues: readonly QwcIssue[]): string {
  const {errors, warnings} = countIssues(issues);
  if (errors === 0 && warnings === 0) return 'No problems';
  const parts = [];
  if (errors > 0) parts.push(plural(errors, 'error'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}

/** Issues grouped by the field they belong to, errors first within each field. */
export function issuesByField(issues: readonly QwcIssue[]): Map<QwcField, QwcIssue[]> {
  const grouped = new Map<QwcField, QwcIssue[]>();
  for (const issue of issues) grouped.set(issue.field, [...(grouped.get(issue.field) ?? []), issue]);
  for (const list of grouped.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return grouped;
}

/** The first field with an error, in the order the form shows them; where Download sends focus. */
export function firstErrorField(issues: readonly QwcIssue[]): keyof QwcModel | undefined {
  for (const {field} of QWC_SCHEMA) {
    if (issues.some((issue) => issue.field === field && issue.severity === 'error')) return field;
  }
  return undefined;
}

/**
 * The AppURL and AppSupport a new file starts with. A relative endpoint ('/qbwc') is this site's
 * own origin; the support page sits beside the endpoint so both share one host (QBWC1000).
 */
export function brandedEndpointUrls(endpointUrl: string, origin: string): {appUrl: string; appSupport: string} {
  let endpoint: URL;
  try {
    endpoint = withLoopbackAsLocalhost(new URL(endpointUrl || defaultBranding.endpointUrl, origin));
  } catch {
    return {appUrl: endpointUrl, appSupport: ''};
  }
  const support = new URL(endpoint.href);
  support.pathname = `${endpoint.pathname.replace(/\/+$/, '')}/support`;
  support.search = '';
  support.hash = '';
  return {appUrl: endpoint.href, appSupport: support.href};
}

export interface BrandingDefaults {
  appName: string;
  productName: string;
  endpointUrl: string;
}

export function brandedDefaultModel(branding: BrandingDefaults, origin: string): QwcModel {
  return defaultQwc({
    appName: branding.appName,
    appDescription: `Exchanges data between QuickBooks and ${branding.productName}`,
    ...brandedEndpointUrls(branding.endpointUrl, origin),
  });
}

/**
 * The model a page opens with: the shared link's values when the address carries one. A link
 * with every required field describes a whole file (a missing optional field means "not set");
 * a partial, hand-written link only overrides the branded defaults.
 */
export function initialModel(search: string, defaults: QwcModel): {model: QwcModel; fromLink: boolean} {
  const shared = decodeQwcShareParams(search);
  if (Object.keys(shared).length === 0) return {model: defaults, fromLink: false};
  const complete = QWC_REQUIRED_FIELDS.every((field) => field in shared);
  if (!complete) return {model: {...defaults, ...shared}, fromLink: true};
  return {model: {...emptyQwc(), ...shared}, fromLink: true};
}

/** An absolute link that reopens the generator with these values. */
export function shareLink(values: QwcFormValues, origin: string, generatorPath: string): string {
  const url = new URL(generatorPath, origin);
  url.search = encodeQwcShareParams(formToModel(values));
  return url.href;
}

/** Larger than any real .qwc by three orders of magnitude; anything bigger is not one. */
export const MAX_QWC_BYTES = 1024 * 1024;

export type InspectedFile = {kind: 'parsed'; text: string; result: QwcParseResult} | {kind: 'unreadable'; message: string};

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The explanation for a file too large to be a .qwc, checked before reading it into memory. */
export function refuseBySize(bytes: number): InspectedFile | undefined {
  if (bytes <= MAX_QWC_BYTES) return undefined;
  return {
    kind: 'unreadable',
    message: `This is ${describeSize(bytes)}, far too large for a .qwc file (a real one is a few kilobytes; the limit here is 1 MB). It is probably a different file, such as a log, a backup or a company file. Choose the .qwc file you were sent.`,
  };
}

/** Decodes the bytes a user chose, the way Notepad may have saved them (UTF-8 or UTF-16 with a BOM). */
function decodeText(bytes: Uint8Array): string | undefined {
  const [b0, b1] = [bytes[0], bytes[1]];
  const encoding = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, {fatal: true}).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads a chosen or dropped file. Never throws: a file that is too large, binary or not text is
 * explained in words; a text file goes through parseQwc, which explains everything else.
 */
export function inspectFileBytes(bytes: Uint8Array): InspectedFile {
  const refused = refuseBySize(bytes.length);
  if (refused) return refused;
  const text = decodeText(bytes);
  // eslint-disable-next-line no-control-regex -- NUL never appears in a text file
  if (text === undefined || /\u0000/.test(text)) {
    return {
      kind: 'unreadable',
      message:
        'This is not a text file: it holds binary data (it may be a program, an image, a ZIP archive or a company file). A .qwc file is plain text that starts with <?xml version="1.0"?>. Choose the .qwc file you were sent, or open it in Notepad and paste its text below.',
    };
  }
  return inspectText(text);
}

/** Reads pasted text; the same limits as a file. */
export function inspectText(text: string): InspectedFile {
  const bytes = new TextEncoder().encode(text).length;
  return refuseBySize(bytes) ?? {kind: 'parsed', text, result: parseQwc(text)};
}
