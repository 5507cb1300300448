/**
 * Field-level rules for a .qwc model: what the Web Connector refuses when the file is added,
 * and what it accepts but a user will regret. Each issue says the rule in plain words, names
 * the value, and links the error code the rule prevents.
 */
import {bracedGuidFix, isBracedGuid, newGuid, sameGuid} from '../guid';
import {firstNonXmlCharacter, replaceNonXmlCharacters} from '../xml-chars';
import {
  compareHosts,
  isIntuitHost,
  isIpAddressHost,
  isLocalhost,
  isLoopbackHost,
  isSingleLabelHost,
  parseHttpUrl,
  registrableDomain,
  type ParsedHttpUrl,
} from '../url-rules';
import type {QwcField, QwcIssue, QwcModel} from './model';
import {
  QWC_SCHEMA,
  QWC_TEXT_FIELDS,
  SCHEDULER_UNITS,
  allowedValues,
  qwcElement,
  schedulerUnit,
  type QwcChoiceField,
  type QwcTextField,
} from './schema';

const DESCRIPTION_DISPLAY_LIMIT = 80;
// .NET reads the interval as a 32-bit integer.
const MAX_INTERVAL = 2_147_483_647;

function elementName(field: keyof QwcModel): string {
  return qwcElement(field).element;
}

const EDITIONS: readonly {bit: number; name: string}[] = [
  {bit: 0x1, name: 'Simple Start'},
  {bit: 0x2, name: 'Pro'},
  {bit: 0x4, name: 'Premier'},
  {bit: 0x8, name: 'Enterprise'},
];

function issue(field: QwcField, severity: QwcIssue['severity'], message: string, extra: Partial<QwcIssue> = {}): QwcIssue {
  return {field, severity, message, ...extra};
}

function withCode(code: string): Pick<QwcIssue, 'code' | 'anchor'> {
  return {code, anchor: code.toLowerCase()};
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function checkTextHygiene(field: QwcTextField, value: string, issues: QwcIssue[]): void {
  const element = elementName(field);
  const forbidden = firstNonXmlCharacter(value);
  if (forbidden !== undefined) {
    issues.push(
      issue(
        field,
        'error',
        `${element} contains an invisible control character (${codePoint(forbidden)}) that an XML file cannot hold. Remove it.`,
        {fix: {[field]: replaceNonXmlCharacters(value)}},
      ),
    );
    return;
  }
  if (field === 'ownerId' || field === 'fileId') return; // the GUID rule covers stray spaces
  if (/[\r\n\t]/.test(value)) {
    issues.push(
      issue(
        field,
        'warning',
        `${element} contains a line break or tab. The Web Connector shows it on one line; use plain spaces.`,
        {fix: {[field]: value.replace(/\s*[\r\n\t]+\s*/g, ' ').trim()}},
      ),
    );
    return;
  }
  if (value !== value.trim()) {
    const where =
      value.trimStart() !== value && value.trimEnd() !== value
        ? 'starts and ends'
        : value.trimStart() !== value
          ? 'starts'
          : 'ends';
    issues.push(
      issue(
        field,
        'warning',
        `${element} ${where} with a space ("${value}"). The Web Connector keeps it as part of the value; remove it.`,
        {fix: {[field]: value.trim()}},
      ),
    );
  }
}

/**
 * The one wording for a required element that is not there: `absent` when the file has no such
 * element, `empty` when it is there without a value. Parsing and validation both use it.
 */
export function missingElementIssue(field: keyof QwcModel, how: 'absent' | 'empty'): QwcIssue {
  const {element, required} = qwcElement(field);
  const where = how === 'absent' ? `the file has no <${element}> element` : `<${element}> is empty`;
  const rule =
    required === 'element'
      ? `It may be empty (<${element}></${element}>), but the Web Connector refuses a .qwc file without the element (QBWC1039).`
      : 'The Web Connector refuses a .qwc file without it (QBWC1039).';
  return issue(field, 'error', `${element} is missing: ${where}. ${rule}`, withCode('QBWC1039'));
}

function checkRequired(model: QwcModel, issues: QwcIssue[]): Set<keyof QwcModel> {
  const missing = new Set<keyof QwcModel>();
  for (const {field, required} of QWC_SCHEMA) {
    if (required !== 'value') continue;
    const value = model[field];
    if (typeof value === 'string' && value.trim() !== '') continue;
    missing.add(field);
    issues.push(missingElementIssue(field, 'empty'));
  }
  return missing;
}

function loopbackHint(host: string): string {
  return isLoopbackHost(host) && !isLocalhost(host) ? ' For a service on this PC, write localhost instead.' : '';
}

function checkAppUrl(model: QwcModel, parsed: ParsedHttpUrl, issues: QwcIssue[]): void {
  if (!parsed.ok) {
    issues.push(issue('appUrl', 'error', `AppURL "${model.appUrl}" is not usable: ${parsed.reason}.`));
    return;
  }
  const {url, host} = parsed;
  if (isIpAddressHost(host)) {
    issues.push(
      issue(
        'appUrl',
        'error',
        `AppURL uses the IP address ${host}. The Web Connector does not load an app whose AppURL is an IP address (QBWC1001); use a host name with a DNS entry.${loopbackHint(host)}`,
        withCode('QBWC1001'),
      ),
    );
  } else if (url.protocol === 'http:' && !isLocalhost(host)) {
    issues.push(
      issue(
        'appUrl',
        'error',
        `AppURL "${model.appUrl}" uses http. The Web Connector only accepts https:// addresses with a trusted certificate, except for localhost (QBWC1010; newer versions say the service URL is not on a secure (https) server, then QBWC1051: the new application was not added).`,
        withCode('QBWC1010'),
      ),
    );
  }
  if (isLocalhost(host)) {
    issues.push(
      issue(
        'appUrl',
        'warning',
        'AppURL points at localhost, so this file only works on the PC that runs the service itself. Never send it to a customer: on their PC the Web Connector looks for the service on their own machine (QBWC1035 when localhost cannot be resolved).',
        withCode('QBWC1035'),
      ),
    );
  } else if (isSingleLabelHost(host)) {
    issues.push(
      issue(
        'appUrl',
        'warning',
        `AppURL uses the machine name "${host}", which only resolves inside your own network. That is fine for internal testing, not for a customer.`,
      ),
    );
  }
  if (/^\?wsdl$/i.test(url.search)) {
    issues.push(
      issue(
        'appUrl',
        'warning',
        'AppURL ends in ?wsdl, which is the address of the service description, not of the service. Point AppURL at the SOAP endpoint itself (without ?wsdl).',
        {anchor: 'msg-404', fix: {appUrl: model.appUrl.trim().replace(/\?wsdl$/i, '')}},
      ),
    );
  }
}

function checkAppSupport(model: QwcModel, appUrl: ParsedHttpUrl, issues: QwcIssue[]): void {
  const parsed = parseHttpUrl(model.appSupport);
  if (!parsed.ok) {
    issues.push(issue('appSupport', 'error', `AppSupport "${model.appSupport}" is not usable: ${parsed.reason}.`));
    return;
  }
  const {url, host} = parsed;
  if (isIpAddressHost(host)) {
    issues.push(
      issue(
        'appSupport',
        'error',
        `AppSupport uses the IP address ${host}. The Web Connector refuses an AppSupport address that is an IP address (QBWC1002); use a host name.${loopbackHint(host)}`,
        withCode('QBWC1002'),
      ),
    );
  }
  if (isIntuitHost(host)) {
    issues.push(
      issue(
        'appSupport',
        'warning',
        `AppSupport points at an Intuit site (${host}). Intuit asks that it be your own support page, on the same domain as AppURL, and the domain check fails unless AppURL is there too.`,
      ),
    );
  }
  if (appUrl.ok && !isIpAddressHost(host) && !isIpAddressHost(appUrl.host)) {
    const match = compareHosts(appUrl.host, host);
    if (match === 'different') {
      const exact = isLocalhost(appUrl.host) || isSingleLabelHost(appUrl.host) || isLocalhost(host) || isSingleLabelHost(host);
      issues.push(
        issue(
          'appSupport',
          'error',
          exact
            ? `AppSupport is on ${host} but AppURL is on ${appUrl.host}. With localhost or a machine name the two hosts must be exactly the same (QBWC1000).`
            : `AppSupport is on ${host} but AppURL is on ${appUrl.host}. The Web Connector requires both on the same domain (QBWC1000).`,
          withCode('QBWC1000'),
        ),
      );
    } else if (match === 'same-domain') {
      issues.push(
        issue(
          'appSupport',
          'warning',
          `AppSupport is on ${host} and AppURL on ${appUrl.host}: the same domain (${registrableDomain(host)}) but different host names. Intuit only says the domains must match, so this probably loads, but putting both on one host name removes the risk of QBWC1000.`,
          withCode('QBWC1000'),
        ),
      );
    }
    if (appUrl.url.protocol === 'https:' && url.protocol === 'http:') {
      issues.push(
        issue(
          'appSupport',
          'warning',
          "AppSupport uses http while AppURL uses https. The Web Connector accepts this (Intuit's own sample does it), but the support page is then not protected; serve it over https.",
        ),
      );
    }
  }
}

function checkGuids(model: QwcModel, issues: QwcIssue[], missing: Set<keyof QwcModel>): void {
  for (const field of ['ownerId', 'fileId'] as const) {
    const value = model[field] ?? '';
    if (missing.has(field) || isBracedGuid(value)) continue;
    const element = elementName(field);
    const fixed = bracedGuidFix(value);
    issues.push(
      issue(
        field,
        'error',
        fixed
          ? `${element} "${value}" must be a GUID written in braces, like ${fixed}.`
          : `${element} "${value}" is not a GUID. It must look like {57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}: 32 hexadecimal digits in groups of 8-4-4-4-12, in braces.`,
        fixed ? {fix: {[field]: fixed}} : {},
      ),
    );
  }
  if (!missing.has('ownerId') && !missing.has('fileId') && sameGuid(model.ownerId, model.fileId)) {
    issues.push(
      issue(
        'fileId',
        'warning',
        'OwnerID and FileID are the same GUID. They identify different things (your application, and the company file it stamps), and reusing one for the other makes a "Unique OwnerID/FileID pair value required" refusal (QBWC1039) more likely. Give FileID its own GUID.',
        {...withCode('QBWC1039'), fix: {fileId: newGuid()}},
      ),
    );
  }
}

function checkChoice(model: QwcModel, field: QwcChoiceField, issues: QwcIssue[], missing: Set<keyof QwcModel>): void {
  const value = model[field];
  if (value === undefined || missing.has(field)) return;
  const {element, required} = qwcElement(field);
  if (value === '' && required === 'no') return; // an empty optional element means "not set"
  const allowed = allowedValues(field);
  if (allowed.includes(value)) return;
  const sameLetters = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  const list = allowed.join(', ');
  issues.push(
    issue(
      field,
      'error',
      sameLetters
        ? `${element} "${value}" must be written exactly ${sameLetters}: these values are case-sensitive.`
        : `${element} "${value}" is not allowed. Use one of: ${list}.`,
      sameLetters ? {fix: {[field]: sameLetters}} : {},
    ),
  );
}

function checkAuthFlags(model: QwcModel, issues: QwcIssue[]): void {
  const value = model.authFlags;
  if (value === undefined || value === '') return;
  const match = /^0x([0-9A-Fa-f]+)$/.exec(value);
  const flags = match?.[1] === undefined ? Number.NaN : Number.parseInt(match[1], 16);
  if (!(flags >= 0 && flags <= 0xf)) {
    issues.push(
      issue(
        'authFlags',
        'error',
        `AuthFlags "${value}" is not valid. Write a hexadecimal value from 0x0 to 0xF: 0x1 Simple Start, 0x2 Pro, 0x4 Premier, 0x8 Enterprise, added together (0xF or 0x0 allows all). A bad value makes the Web Connector fail with QBWC1034.`,
        withCode('QBWC1034'),
      ),
    );
    return;
  }
  if (model.qbType === 'QBPOS') {
    issues.push(
      issue('authFlags', 'warning', 'AuthFlags only applies to QuickBooks Financial Software (QBFS); Point of Sale ignores it.'),
    );
    return;
  }
  if (flags !== 0 && flags !== 0xf) {
    const excluded = EDITIONS.filter((edition) => (flags & edition.bit) === 0).map((edition) => edition.name);
    issues.push(
      issue(
        'authFlags',
        'warning',
        `AuthFlags ${value} leaves out ${excluded.join(', ')}. Anyone on ${excluded.length === 1 ? 'that edition' : 'those editions'} gets a connection error; use 0xF unless you mean to exclude them.`,
      ),
    );
  }
}

function checkScheduler(model: QwcModel, issues: QwcIssue[]): void {
  const scheduler = model.scheduler;
  if (scheduler === undefined) return;
  if (scheduler.unit !== 'minutes' && scheduler.unit !== 'seconds') {
    issues.push(
      issue(
        'scheduler',
        'error',
        `The Scheduler unit "${String(scheduler.unit)}" is unknown. Use ${SCHEDULER_UNITS.map(({unit, element}) => `${unit} (${element})`).join(' or ')}.`,
      ),
    );
    return;
  }
  // Seconds under 60 are valid: the Web Connector shows them as Real Time. Its one-minute floor
  // only limits what a user types in its window, not what the file sets.
  const {element} = schedulerUnit(scheduler.unit);
  const every = scheduler.every;
  if (!Number.isInteger(every) || every < 1 || every > MAX_INTERVAL) {
    issues.push(
      issue(
        'scheduler',
        'error',
        `${element} is ${String(every)}, but the interval must be a whole number of ${scheduler.unit}, at least 1.`,
      ),
    );
  }
}

function checkDescription(model: QwcModel, issues: QwcIssue[]): void {
  const description = model.appDescription ?? '';
  if (description.trim() === '') {
    issues.push(
      issue(
        'appDescription',
        'warning',
        'AppDescription is empty. The Web Connector accepts that, but the authorization dialog and the app list then show no description; one short sentence helps the user recognise the app.',
      ),
    );
    return;
  }
  const length = [...description].length;
  if (length > DESCRIPTION_DISPLAY_LIMIT) {
    issues.push(
      issue(
        'appDescription',
        'warning',
        `AppDescription is ${length} characters long. Keep it to ${DESCRIPTION_DISPLAY_LIMIT} or fewer so the Web Connector shows it in full.`,
      ),
    );
  }
}

function checkCertUrl(model: QwcModel, issues: QwcIssue[]): void {
  const value = model.certUrl;
  if (value === undefined || value.trim() === '') return;
  const parsed = parseHttpUrl(value);
  if (!parsed.ok) issues.push(issue('certUrl', 'error', `CertURL "${value}" is not usable: ${parsed.reason}.`));
}

/** Every rule the model breaks, in element order; an empty list means the file will load. */
export function validateQwc(model: QwcModel): QwcIssue[] {
  const issues: QwcIssue[] = [];
  for (const field of QWC_TEXT_FIELDS) {
    const value = model[field];
    if (typeof value === 'string' && value !== '') checkTextHygiene(field, value, issues);
  }
  const missing = checkRequired(model, issues);
  if ((model.appName ?? '').includes('\\')) {
    issues.push(
      issue(
        'appName',
        'warning',
        'AppName contains a backslash. The Web Connector keeps its settings in a registry key named after the AppName, and a backslash there splits the name; remove it.',
      ),
    );
  }
  checkDescription(model, issues);
  const appUrl = parseHttpUrl(model.appUrl ?? '');
  if (!missing.has('appUrl')) checkAppUrl(model, appUrl, issues);
  if (!missing.has('appSupport')) checkAppSupport(model, appUrl, issues);
  checkGuids(model, issues, missing);
  checkChoice(model, 'qbType', issues, missing);
  checkScheduler(model, issues);
  checkChoice(model, 'personalDataPref', issues, missing);
  checkChoice(model, 'unattendedModePref', issues, missing);
  checkAuthFlags(model, issues);
  checkCertUrl(model, issues);
  checkChoice(model, 'style', issues, missing);
  return issues;
}
