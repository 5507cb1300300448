/**
 * The .qwc file as XML: built from a model (buildQwc) and read back into one (parseQwc), element
 * by element as schema.ts lists them.
 */
import {XMLBuilder, XMLParser, XMLValidator, type EntityDecoderOptions} from 'fast-xml-parser';
import {isXmlChar} from '../xml-chars';
import {emptyQwc} from './defaults';
import type {QwcIssue, QwcModel, QwcParseResult, QwcScheduler} from './model';
import {QWC_SCHEMA, SCHEDULER_UNITS, schedulerUnit, type QwcBooleanField, type SchedulerUnitEntry} from './schema';
import {missingElementIssue, validateQwc} from './validate';

const FIELD_BY_ELEMENT = new Map<string, keyof QwcModel>(QWC_SCHEMA.map((entry) => [entry.element, entry.field]));
const SCHEDULER_CHILD_NAMES: readonly string[] = SCHEDULER_UNITS.map((entry) => entry.element);

function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The .qwc XML for a model: UTF-8 declaration, elements in Intuit's order, values escaped by the
 * builder. Optional fields that are unset or empty are left out, as the Web Connector treats them.
 */
export function buildQwc(model: QwcModel): string {
  const root: Record<string, unknown> = {};
  for (const {field, element, required} of QWC_SCHEMA) {
    const value = model[field];
    if (field === 'scheduler') {
      const scheduler = model.scheduler;
      if (scheduler) root[element] = {[schedulerUnit(scheduler.unit).element]: String(scheduler.every)};
    } else if (typeof value === 'boolean') {
      root[element] = value ? 'true' : 'false';
    } else if (typeof value === 'string') {
      const text = required === 'no' ? optionalText(value) : value;
      if (text !== undefined) root[element] = text;
    } else if (required !== 'no') {
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
        if (isXmlChar(code)) return String.fromCodePoint(code);
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
  const found: {child: SchedulerUnitEntry; element: XmlElement}[] = [];
  for (const child of element.children) {
    const exact = SCHEDULER_UNITS.find((entry) => entry.element === child.name);
    const miscased = SCHEDULER_UNITS.find((entry) => entry.element.toLowerCase() === child.name.toLowerCase());
    if (exact) {
      found.push({child: exact, element: child});
    } else if (miscased) {
      issues.push({
        field: 'scheduler',
        severity: 'error',
        message: `<${child.name}>${onLine(child)} must be written <${miscased.element}>: element names are case-sensitive.`,
      });
      found.push({child: miscased, element: child});
    } else {
      const suggestion = closestName(child.name, SCHEDULER_CHILD_NAMES);
      issues.push({
        field: 'scheduler',
        severity: 'warning',
        message: `<${child.name}>${onLine(child)} is not a Scheduler element, so the Web Connector ignores it. ${suggestion ? `Did you mean ${suggestion}?` : `Use ${SCHEDULER_CHILD_NAMES.join(' or ')}.`}`,
      });
    }
  }
  const [first, second] = found;
  if (!first) {
    issues.push({
      field: 'scheduler',
      severity: 'warning',
      message: `<Scheduler>${onLine(element)} has no ${SCHEDULER_CHILD_NAMES.join(' or ')} inside, so it sets no interval.`,
    });
    return undefined;
  }
  if (second) {
    issues.push({
      field: 'scheduler',
      severity: 'warning',
      message: `<Scheduler> holds both ${first.child.element} and ${second.child.element}. The Web Connector uses the first one (${first.child.element} = ${first.element.text.trim()}); remove the other.`,
    });
  }
  const text = first.element.text.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
    issues.push({
      field: 'scheduler',
      severity: 'error',
      message: `${first.child.element} "${text}"${onLine(first.element)} is not a number. Write a whole number of ${first.child.unit}, at least 1.`,
    });
    return undefined;
  }
  return {unit: first.child.unit, every: Number(text)};
}

function readBoolean(field: QwcBooleanField, element: XmlElement, issues: QwcIssue[]): boolean | undefined {
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

function readModel(root: XmlElement, issues: QwcIssue[], missing: Set<keyof QwcModel>): QwcModel {
  const chosen = new Map<keyof QwcModel, XmlElement>();
  const knownNames = QWC_SCHEMA.map((entry) => entry.element);
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
    } else if (SCHEDULER_CHILD_NAMES.includes(child.name)) {
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
  for (const {field, required, kind} of QWC_SCHEMA) {
    const element = chosen.get(field);
    if (!element) {
      if (required !== 'no') missing.add(field);
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
    if (kind === 'boolean') {
      const value = readBoolean(field as QwcBooleanField, element, issues);
      if (value !== undefined) model[field] = value;
      continue;
    }
    (model as unknown as Record<string, string>)[field] = element.text;
  }
  return model;
}

/**
 * Reads a .qwc file and reports every problem: broken XML (with line and column), unknown, miscased
 * or missing elements, and the rules of validateQwc. Never throws. `model` is null when the text
 * is not a QBWCXML document at all.
 */
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
  const missing = new Set<keyof QwcModel>();
  const model = readModel(root, issues, missing);
  // An absent element is reported as absent, not a second time as empty.
  const missingIssues = [...missing].map((field) => missingElementIssue(field, 'absent'));
  const rules = validateQwc(model).filter(
    (issue) =>
      !missingIssues.some(
        (absent) =>
          absent.field === issue.field && issue.message === missingElementIssue(absent.field as keyof QwcModel, 'empty').message,
      ),
  );
  return {model, issues: [...issues, ...missingIssues, ...rules]};
}
