/**
 * The .qwc file: the model the generator edits, its defaults, and the XML it is built from and
 * read back into. Validation rules live in qwc-validate.ts; this module re-exports them.
 */
import {XMLBuilder, XMLParser, XMLValidator, type EntityDecoderOptions} from 'fast-xml-parser';
import {newGuid} from './guid';
import {validateQwc} from './qwc-validate';

export {newGuid} from './guid';
export {validateQwc} from './qwc-validate';

export type QbType = 'QBFS' | 'QBPOS';

export interface QwcScheduler {
  unit: 'minutes' | 'seconds';
  every: number;
}

/** One .qwc file. Required elements are strings (possibly empty); optional ones are absent when not set. */
export interface QwcModel {
  appName: string;
  appId: string;
  appUrl: string;
  appDescription: string;
  appSupport: string;
  userName: string;
  ownerId: string;
  fileId: string;
  /** A string, not QbType, so that a file's wrong value can be held and reported. */
  qbType: string;
  scheduler?: QwcScheduler;
  isReadOnly?: boolean;
  personalDataPref?: string;
  unattendedModePref?: string;
  authFlags?: string;
  notify?: boolean;
  appDisplayName?: string;
  appUniqueName?: string;
  certUrl?: string;
  style?: string;
}

export type QwcField = keyof QwcModel | 'document';

export interface QwcIssue {
  field: QwcField;
  severity: 'error' | 'warning';
  /** The rule in plain words, naming the value. */
  message: string;
  /** The Web Connector error the rule prevents, e.g. 'QBWC1010'. */
  code?: string;
  /** The troubleshooting anchor id that explains it, e.g. 'qbwc1010'. */
  anchor?: string;
  /** An automatic fix, offered only when applying it cannot change what the user meant. */
  fix?: Partial<QwcModel>;
}

export interface QwcElement {
  field: keyof QwcModel;
  element: string;
  required: boolean;
  advanced: boolean;
  label: string;
  help: string;
}

/** Every element, in the order Intuit's samples write them (the order buildQwc uses). */
export const QWC_ELEMENTS: readonly QwcElement[] = [
  {
    field: 'appName',
    element: 'AppName',
    required: true,
    advanced: false,
    label: 'App name',
    help: "The name shown in the Web Connector and in QuickBooks' list of integrated applications. The Web Connector also uses it to recognise the app when the file is added again.",
  },
  {
    field: 'appId',
    element: 'AppID',
    required: true,
    advanced: true,
    label: 'App ID',
    help: 'Passed to QuickBooks when the connection opens. QuickBooks does little with it, and it is usually left empty; the element is still written.',
  },
  {
    field: 'appUrl',
    element: 'AppURL',
    required: true,
    advanced: false,
    label: 'App URL',
    help: 'The address of your SOAP service. It must start with https:// (http:// only works for localhost) and use a host name, not an IP address.',
  },
  {
    field: 'appDescription',
    element: 'AppDescription',
    required: true,
    advanced: false,
    label: 'Description',
    help: 'One short sentence shown under the app name and in the authorization dialog. 80 characters or fewer display in full.',
  },
  {
    field: 'appSupport',
    element: 'AppSupport',
    required: true,
    advanced: false,
    label: 'Support URL',
    help: 'A page about your app on the same domain as the App URL. The Web Connector opens it when the file is added and needs it to answer with HTTP 200.',
  },
  {
    field: 'userName',
    element: 'UserName',
    required: true,
    advanced: false,
    label: 'User name',
    help: 'The user name the Web Connector sends to your service. The password is not in the file: the user types it into the Web Connector.',
  },
  {
    field: 'ownerId',
    element: 'OwnerID',
    required: true,
    advanced: true,
    label: 'Owner ID',
    help: 'A GUID in braces that identifies your application. Keep the same one for every file you issue for this app.',
  },
  {
    field: 'fileId',
    element: 'FileID',
    required: true,
    advanced: true,
    label: 'File ID',
    help: 'A GUID in braces that the Web Connector stamps into the company file the first time it connects. Use a new one for each company file.',
  },
  {
    field: 'qbType',
    element: 'QBType',
    required: true,
    advanced: false,
    label: 'QuickBooks type',
    help: 'QBFS for QuickBooks Desktop (Financial Software), QBPOS for QuickBooks Point of Sale.',
  },
  {
    field: 'style',
    element: 'Style',
    required: false,
    advanced: true,
    label: 'SOAP style',
    help: 'How the Web Connector encodes its SOAP calls: Document (the default), DocWrapped or RPC. Leave it unset unless your SOAP toolkit needs another style.',
  },
  {
    field: 'authFlags',
    element: 'AuthFlags',
    required: false,
    advanced: true,
    label: 'Allowed editions',
    help: 'Which QuickBooks editions may connect, in hexadecimal: 0x1 Simple Start, 0x2 Pro, 0x4 Premier, 0x8 Enterprise, added together. 0xF (or leaving it unset) allows all.',
  },
  {
    field: 'scheduler',
    element: 'Scheduler',
    required: false,
    advanced: false,
    label: 'Run every',
    help: 'How often the Web Connector runs the app while Auto-Run is on. The user can change it. Intervals in seconds show as Real Time.',
  },
  {
    field: 'isReadOnly',
    element: 'IsReadOnly',
    required: false,
    advanced: true,
    label: 'Read-only access',
    help: 'true asks QuickBooks for read-only access; false (or unset) asks to read and write.',
  },
  {
    field: 'personalDataPref',
    element: 'PersonalDataPref',
    required: false,
    advanced: true,
    label: 'Personal data',
    help: 'Whether the app needs personal data such as Social Security numbers: pdpNotNeeded, pdpOptional or pdpRequired.',
  },
  {
    field: 'unattendedModePref',
    element: 'UnattendedModePref',
    required: false,
    advanced: true,
    label: 'Unattended mode',
    help: 'Whether the app must run while QuickBooks is closed: umpRequired or umpOptional.',
  },
  {
    field: 'notify',
    element: 'Notify',
    required: false,
    advanced: true,
    label: 'Tray notifications',
    help: 'true shows a pop-up in the Windows notification area after each update; anything else keeps them off.',
  },
  {
    field: 'appDisplayName',
    element: 'AppDisplayName',
    required: false,
    advanced: true,
    label: 'Display name',
    help: 'A name shown in the Web Connector in place of the App name. Updates still match on the App name.',
  },
  {
    field: 'appUniqueName',
    element: 'AppUniqueName',
    required: false,
    advanced: true,
    label: 'Unique name',
    help: 'When set, adding the file again replaces the app directly instead of asking whether to clone or replace it.',
  },
  {
    field: 'certUrl',
    element: 'CertURL',
    required: false,
    advanced: true,
    label: 'Certificate URL',
    help: 'Only when your certificate is served from another server than the App URL. It must not require a login (QBWC1048).',
  },
];

const REQUIRED_FIELDS = new Set(QWC_ELEMENTS.filter((entry) => entry.required).map((entry) => entry.field));
const FIELD_BY_ELEMENT = new Map(QWC_ELEMENTS.map((entry) => [entry.element, entry.field]));
const SCHEDULER_CHILDREN = {RunEveryNMinutes: 'minutes', RunEveryNSeconds: 'seconds'} as const;
type SchedulerChild = keyof typeof SCHEDULER_CHILDREN;

export const QWC_MIME_TYPE = 'application/x-qwc';

/**
 * A new model with fresh GUIDs for QuickBooks Desktop. The scheduler defaults to every 15 minutes:
 * it is only the starting value the user can change, frequent enough that data is rarely stale and
 * far from the 1,440 sessions a day a one-minute default would put on the service per customer.
 */
export function defaultQwc(options: {
  appName: string;
  appUrl: string;
  appSupport: string;
  userName?: string;
  appDescription?: string;
}): QwcModel {
  const appName = options.appName.trim();
  return {
    appName,
    appId: '',
    appUrl: options.appUrl.trim(),
    appDescription: options.appDescription ?? (appName === '' ? '' : `Exchanges data between QuickBooks and ${appName}`),
    appSupport: options.appSupport.trim(),
    userName: options.userName ?? 'quickbooks',
    ownerId: newGuid(),
    fileId: newGuid(),
    qbType: 'QBFS',
    scheduler: {unit: 'minutes', every: 15},
  };
}

function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The .qwc XML for a model: UTF-8 declaration, elements in Intuit's order, values escaped by the
 * builder. Optional fields that are unset or empty are left out, as the Web Connector treats them.
 */
export function buildQwc(model: QwcModel): string {
  const root: Record<string, unknown> = {};
  for (const {field, element, required} of QWC_ELEMENTS) {
    const value = model[field];
    if (field === 'scheduler') {
      const scheduler = model.scheduler;
      if (scheduler)
        root[element] = {[scheduler.unit === 'seconds' ? 'RunEveryNSeconds' : 'RunEveryNMinutes']: String(scheduler.every)};
    } else if (typeof value === 'boolean') {
      root[element] = value ? 'true' : 'false';
    } else if (typeof value === 'string') {
      const text = required ? value : optionalText(value);
      if (text !== undefined) root[element] = text;
    } else if (required) {
      root[element] = '';
    }
  }
  const builder = new XMLBuilder({
    format: true,
    indentBy: '  ',
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    suppressEmptyNode: false,
    processEntities: true,
  });
  const xml: string = builder.build({'?xml': {'@_version': '1.0', '@_encoding': 'utf-8'}, QBWCXML: root});
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

export interface QwcParseResult {
  model: QwcModel | null;
  issues: QwcIssue[];
}

const XML_ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

/** Decodes the five XML entities and character references, and remembers anything else (e.g. &nbsp;). */
class QwcEntityDecoder implements EntityDecoderOptions {
  readonly unknown = new Set<string>();
  readonly invalid = new Set<string>();
  setExternalEntities(): void {}
  addInputEntities(): void {}
  reset(): void {}
  setXmlVersion(): void {}
  decode(text: string): string {
    return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        const allowed =
          code === 0x9 ||
          code === 0xa ||
          code === 0xd ||
          (code >= 0x20 && code <= 0xd7ff) ||
          (code >= 0xe000 && code <= 0xfffd) ||
          (code >= 0x10000 && code <= 0x10ffff);
        if (allowed) return String.fromCodePoint(code);
        this.invalid.add(whole);
        return '';
      }
      const known = XML_ENTITIES[name];
      if (known !== undefined) return known;
      this.unknown.add(whole);
      return whole;
    });
  }
}

type OrderedNode = Record<string, unknown>;

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
  line?: number;
}

function lineAt(source: string, index: number | undefined): number | undefined {
  if (index === undefined || index < 0) return undefined;
  let line = 1;
  for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function toElements(nodes: unknown, source: string, metaKey: symbol | string): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?') && key !== '#comment');
    if (name === undefined) continue;
    const body = node[name];
    const childNodes = Array.isArray(body) ? (body as OrderedNode[]) : [];
    const text = childNodes.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
    const meta = (node as Record<string | symbol, unknown>)[metaKey] as {startIndex?: number} | undefined;
    elements.push({name, children: toElements(childNodes, source, metaKey), text, line: lineAt(source, meta?.startIndex)});
  }
  return elements;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to a misspelt one, if it is close enough to be a typo. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: {candidate: string; distance: number} | undefined;
  for (const candidate of candidates) {
    const distance = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = {candidate, distance};
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(best.candidate.length / 4)) ? best.candidate : undefined;
}

function onLine(element: XmlElement): string {
  return element.line === undefined ? '' : ` (line ${element.line})`;
}

function documentError(message: string): QwcParseResult {
  return {model: null, issues: [{field: 'document', severity: 'error', message}]};
}

function describeXmlError(error: {code: string; msg: string; line: number; col?: number}): string {
  const where = error.col === undefined ? `line ${error.line}` : `line ${error.line}, column ${error.col}`;
  const lead = `The file is not well-formed XML, so the Web Connector cannot read it. At ${where}:`;
  if (/char '&'/.test(error.msg)) {
    return `${lead} an "&" is not escaped. Inside a value write it as &amp; (for example "Smith &amp; Sons").`;
  }
  if (/space after '<'|char '<'/.test(error.msg)) {
    return `${lead} a "<" appears inside a value. Write it as &lt;.`;
  }
  if (/Unclosed tag/.test(error.msg)) {
    return `${lead} an element is opened but never closed (${error.msg}). The file may be cut off; download it again.`;
  }
  return `${lead} ${error.msg}`;
}

const NOT_A_QWC_HINT = 'A .qwc file starts with <?xml version="1.0"?> and has <QBWCXML> as its root element.';

function readScheduler(element: XmlElement, issues: QwcIssue[]): QwcScheduler | undefined {
  const found: {child: SchedulerChild; element: XmlElement}[] = [];
  const names = Object.keys(SCHEDULER_CHILDREN) as SchedulerChild[];
  for (const child of element.children) {
    const exact = names.find((name) => name === child.name);
    const miscased = names.find((name) => name.toLowerCase() === child.name.toLowerCase());
    if (exact) {
      found.push({child: exact, element: child});
    } else if (miscased) {
      issues.push({
        field: 'scheduler',
        severity: 'error',
        message: `<${child.name}>${onLine(child)} must be written <${miscased}>: element names are case-sensitive.`,
      });
      found.push({child: miscased, element: child});
    } else {
      const suggestion = closestName(child.name, names);
      issues.push({
        field: 'scheduler',
        severity: 'warning',
        message: `<${child.name}>${onLine(child)} is not a Scheduler element, so the Web Connector ignores it. ${suggestion ? `Did you mean ${suggestion}?` : 'Use RunEveryNMinutes or RunEveryNSeconds.'}`,
      });
    }
  }
  const [first, second] = found;
  if (!first) {
    issues.push({
      field: 'scheduler',
      severity: 'warning',
      message: `<Scheduler>${onLine(element)} has no RunEveryNMinutes or RunEveryNSeconds inside, so it sets no interval.`,
    });
    return undefined;
  }
  if (second) {
    issues.push({
      field: 'scheduler',
      severity: 'warning',
      message: `<Scheduler> holds both ${first.child} and ${second.child}. The Web Connector uses the first one (${first.child} = ${first.element.text.trim()}); remove the other.`,
    });
  }
  const text = first.element.text.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
    issues.push({
      field: 'scheduler',
      severity: 'error',
      message: `${first.child} "${text}"${onLine(first.element)} is not a number. Write a whole number of ${SCHEDULER_CHILDREN[first.child]}, at least 1.`,
    });
    return undefined;
  }
  return {unit: SCHEDULER_CHILDREN[first.child], every: Number(text)};
}

function readBoolean(field: 'isReadOnly' | 'notify', element: XmlElement, issues: QwcIssue[]): boolean | undefined {
  const text = element.text;
  if (text === 'true') return true;
  if (text === 'false') return false;
  const meant = text.trim().toLowerCase();
  const fix = meant === 'true' || meant === 'false' ? {fix: {[field]: meant === 'true'}} : {};
  if (field === 'notify') {
    issues.push({
      field,
      severity: 'warning',
      ...fix,
      message: `<Notify>${text}</Notify>${onLine(element)} is not literally true, so the Web Connector keeps notifications off. Write true or false in lower case.`,
    });
    return false;
  }
  issues.push({
    field,
    severity: 'error',
    ...fix,
    message: `<${element.name}>${text}</${element.name}>${onLine(element)} must be literally true or false, in lower case.`,
  });
  return undefined;
}

function readModel(root: XmlElement, issues: QwcIssue[]): QwcModel {
  const chosen = new Map<keyof QwcModel, XmlElement>();
  const knownNames = QWC_ELEMENTS.map((entry) => entry.element);
  for (const child of root.children) {
    const field = FIELD_BY_ELEMENT.get(child.name);
    const miscased = knownNames.find((name) => name.toLowerCase() === child.name.toLowerCase());
    if (field) {
      if (chosen.has(field) && chosen.get(field)?.name === child.name) {
        issues.push({
          field,
          severity: 'error',
          message: `<${child.name}> appears more than once${onLine(child)}. Keep one; which copy the Web Connector would read is not documented.`,
        });
      } else {
        chosen.set(field, child); // an exactly spelt element wins over a miscased one
      }
    } else if (miscased) {
      const target = FIELD_BY_ELEMENT.get(miscased);
      issues.push({
        field: target ?? 'document',
        severity: 'error',
        message: `<${child.name}>${onLine(child)} must be written <${miscased}>: element names are case-sensitive, so the Web Connector does not recognise it.`,
      });
      if (target && !chosen.has(target)) chosen.set(target, child);
    } else if (child.name in SCHEDULER_CHILDREN) {
      issues.push({
        field: 'scheduler',
        severity: 'warning',
        message: `<${child.name}>${onLine(child)} must sit inside <Scheduler>; on its own the Web Connector ignores it.`,
      });
    } else if (child.name.toLowerCase() === 'password') {
      issues.push({
        field: 'document',
        severity: 'warning',
        message: `<${child.name}>${onLine(child)} is not a .qwc element: a .qwc never carries the password. The user types it into the Web Connector, which stores it encrypted. Remove this element.`,
      });
    } else {
      const suggestion = closestName(child.name, knownNames);
      issues.push({
        field: suggestion ? (FIELD_BY_ELEMENT.get(suggestion) ?? 'document') : 'document',
        severity: 'warning',
        message: suggestion
          ? `<${child.name}>${onLine(child)} is not a .qwc element, so the Web Connector ignores it. Did you mean ${suggestion}?`
          : `<${child.name}>${onLine(child)} is not a .qwc element, so the Web Connector ignores it.`,
      });
    }
  }
  if (root.text.trim() !== '') {
    issues.push({
      field: 'document',
      severity: 'warning',
      message: `<QBWCXML> contains loose text ("${root.text.trim().slice(0, 40)}") outside any element; it is ignored.`,
    });
  }

  const model = emptyQwc();
  for (const {field, element: name} of QWC_ELEMENTS) {
    const element = chosen.get(field);
    if (!element) {
      if (field === 'appId' || field === 'appDescription') {
        issues.push({
          field,
          severity: 'error',
          code: 'QBWC1039',
          anchor: 'qbwc1039',
          message: `The <${name}> element is missing. It may be empty (<${name}></${name}>), but the Web Connector needs it present (QBWC1039).`,
        });
      }
      continue;
    }
    if (field === 'scheduler') {
      const scheduler = readScheduler(element, issues);
      if (scheduler) model.scheduler = scheduler;
      continue;
    }
    if (element.children.length > 0) {
      issues.push({
        field,
        severity: 'error',
        message: `<${element.name}>${onLine(element)} must hold plain text, but it contains other elements (<${element.children[0]?.name ?? ''}>).`,
      });
      continue;
    }
    if (field === 'isReadOnly' || field === 'notify') {
      const value = readBoolean(field, element, issues);
      if (value !== undefined) model[field] = value;
      continue;
    }
    (model as unknown as Record<string, string>)[field] = element.text;
  }
  return model;
}

/**
 * Reads a .qwc file and reports every problem: broken XML (with line and column), unknown or
 * miscased elements, and the rules of validateQwc. Never throws. `model` is null when the text
 * is not a QBWCXML document at all.
 */
/** A model with every required field present and empty: the base a parsed or shared file fills in. */
export function emptyQwc(): QwcModel {
  return {
    appName: '',
    appId: '',
    appUrl: '',
    appDescription: '',
    appSupport: '',
    userName: '',
    ownerId: '',
    fileId: '',
    qbType: '',
  };
}

export function parseQwc(xml: string): QwcParseResult {
  if (typeof xml !== 'string') return documentError('No file content was given.');
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') return documentError(`The file is empty. ${NOT_A_QWC_HINT} Download or save it again.`);
  const start = text.trimStart();
  if (!start.startsWith('<')) {
    const preview = start.slice(0, 30).replace(/\s+/g, ' ');
    return documentError(`This is not an XML file: it begins with "${preview}". ${NOT_A_QWC_HINT}`);
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(start)) {
    return documentError(
      `This is a web page, not a .qwc file: an error or login page may have been saved instead of the file. ${NOT_A_QWC_HINT}`,
    );
  }
  if (/<!DOCTYPE/i.test(text)) {
    return documentError(
      'The file contains a DOCTYPE declaration. A .qwc file never has one, and it is not read for safety; remove it.',
    );
  }

  const issues: QwcIssue[] = [];
  const validation = XMLValidator.validate(text);
  if (validation !== true) issues.push({field: 'document', severity: 'error', message: describeXmlError(validation.err)});

  const decoder = new QwcEntityDecoder();
  let nodes: unknown;
  try {
    nodes = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      parseTagValue: false,
      trimValues: false,
      captureMetaData: true,
      entityDecoder: decoder,
    }).parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      model: null,
      issues:
        issues.length > 0
          ? issues
          : [{field: 'document', severity: 'error', message: `The file could not be read as XML: ${reason}`}],
    };
  }
  for (const entity of decoder.unknown) {
    issues.push({
      field: 'document',
      severity: 'error',
      message: `${entity} is not defined in XML (it is an HTML entity), so the Web Connector cannot read the file. Write the character itself, or a numeric reference such as &#160;.`,
    });
  }
  for (const reference of decoder.invalid) {
    issues.push({
      field: 'document',
      severity: 'error',
      message: `${reference} refers to a character that XML does not allow. Remove it.`,
    });
  }

  const roots = toElements(nodes, text, XMLParser.getMetaDataSymbol() as unknown as symbol);
  const [root, extra] = roots;
  if (!root)
    return {
      model: null,
      issues: issues.length > 0 ? issues : documentError(`The file has no elements. ${NOT_A_QWC_HINT}`).issues,
    };
  if (extra) {
    issues.push({
      field: 'document',
      severity: 'error',
      message: `The file has more than one top-level element (<${root.name}> and <${extra.name}>). Everything must sit inside one <QBWCXML>.`,
    });
  }
  if (root.name !== 'QBWCXML') {
    if (root.name.toLowerCase() !== 'qbwcxml') {
      issues.push({
        field: 'document',
        severity: 'error',
        message: `The root element is <${root.name}>, so this is not a .qwc file. ${NOT_A_QWC_HINT}`,
      });
      return {model: null, issues};
    }
    issues.push({
      field: 'document',
      severity: 'error',
      message: `The root element <${root.name}> must be written <QBWCXML>: element names are case-sensitive.`,
    });
  }
  const model = readModel(root, issues);
  return {model, issues: [...issues, ...validateQwc(model)]};
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file name Windows and browsers accept: `<AppName>.qwc`, without characters they reject. */
export function qwcFileName(appName: string): string {
  const base = appName
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001F\u007F]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 100)
    .trim();
  if (base === '') return 'web-connector-app.qwc';
  return `${WINDOWS_RESERVED.test(base) ? `${base}-app` : base}.qwc`;
}

// Short, stable parameter names keep shared links readable; never rename one, old links use them.
const SHARE_PARAMS = {
  appName: 'n',
  appId: 'id',
  appUrl: 'url',
  appDescription: 'd',
  appSupport: 'sup',
  userName: 'user',
  ownerId: 'owner',
  fileId: 'file',
  qbType: 't',
  isReadOnly: 'ro',
  personalDataPref: 'pdp',
  unattendedModePref: 'ump',
  authFlags: 'af',
  notify: 'notify',
  appDisplayName: 'dn',
  appUniqueName: 'un',
  certUrl: 'cert',
  style: 'style',
} as const satisfies Record<Exclude<keyof QwcModel, 'scheduler'>, string>;
const SCHEDULER_PARAMS = {minutes: 'min', seconds: 'sec'} as const;

/** The model as URL query parameters (no leading '?'), for a link that reopens the generator with it. */
export function encodeQwcShareParams(model: QwcModel): string {
  const params = new URLSearchParams();
  for (const [field, param] of Object.entries(SHARE_PARAMS) as [keyof typeof SHARE_PARAMS, string][]) {
    const value = model[field];
    if (typeof value === 'boolean') params.set(param, value ? 'true' : 'false');
    else if (typeof value === 'string' && (value !== '' || REQUIRED_FIELDS.has(field))) params.set(param, value);
  }
  if (model.scheduler) params.set(SCHEDULER_PARAMS[model.scheduler.unit], String(model.scheduler.every));
  return params.toString();
}

/** The fields a shared link carries; unknown parameters and unreadable values are skipped. */
export function decodeQwcShareParams(query: string): Partial<QwcModel> {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const model: Partial<QwcModel> = {};
  for (const [field, param] of Object.entries(SHARE_PARAMS) as [keyof typeof SHARE_PARAMS, string][]) {
    const value = params.get(param);
    if (value === null) continue;
    if (field === 'isReadOnly' || field === 'notify') {
      if (value === 'true' || value === 'false') model[field] = value === 'true';
    } else {
      model[field] = value;
    }
  }
  for (const unit of ['minutes', 'seconds'] as const) {
    const value = params.get(SCHEDULER_PARAMS[unit]);
    if (value !== null && /^\d+$/.test(value)) {
      model.scheduler = {unit, every: Number(value)};
      break;
    }
  }
  return model;
}
