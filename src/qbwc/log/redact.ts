/**
 * Makes a copy of a Web Connector log that is safe to send to support: session tickets, user names,
 * company file paths, e-mail addresses, the computer name in the company file lock and, on request,
 * the service's host name are replaced by masks. The same value always gets the same mask
 * ([user-1] everywhere the same user name appears), so the log still reads as one story.
 */
import {escapeRegExp} from '../escape-regexp';

export type MaskKind = 'ticket' | 'user' | 'company-file' | 'email' | 'computer' | 'host';

export interface RedactOptions {
  /** Also mask host names of URLs (the service's address). Off by default: support usually needs it. */
  maskHosts?: boolean;
  /** Leave out XML dumps (requests and responses can hold customers' names and addresses). */
  dropXml?: boolean;
}

export interface Mask {
  kind: MaskKind;
  /** '[user-1]' */
  mask: string;
  /** The value it replaces. Shown on the page only, so the reader can check the list. */
  value: string;
  /** How many places it replaced. */
  count: number;
}

export interface RedactedLog {
  text: string;
  masks: Mask[];
  /** XML lines left out when `dropXml` is on. */
  droppedXmlLines: number;
}

/** Where each kind of value sits in a log; the first capture group is the value. */
const FINDERS: readonly {kind: MaskKind; pattern: RegExp; hostsOnly?: boolean}[] = [
  {kind: 'ticket', pattern: /wcTicket="([^"]+)"/g},
  {kind: 'ticket', pattern: /authRet\[0\]="([^"]+)"/g},
  {kind: 'ticket', pattern: /SessionTicket has been set to ([^\s<>"]+)/g},
  {kind: 'ticket', pattern: /<ticket>([^<]+)<\/ticket>/gi},
  {kind: 'user', pattern: /username = '([^']+)'/gi},
  {kind: 'user', pattern: /userName="([^"]+)"/gi},
  {kind: 'user', pattern: /<(?:strU|u)serName>([^<]+)<\/(?:strU|u)serName>/gi},
  {kind: 'company-file', pattern: /\b([A-Za-z]:\\[^"<>|\r\n*?]*?\.qbw)\b/gi},
  {kind: 'company-file', pattern: /(\\\\[^"<>|\r\n*?\\]+\\[^"<>|\r\n*?]*?\.qbw)\b/gi},
  {kind: 'company-file', pattern: /cfn="([^"]+)"/g},
  {kind: 'company-file', pattern: /<strCompanyFileName>([^<]+)<\/strCompanyFileName>/gi},
  {kind: 'email', pattern: /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g},
  {kind: 'computer', pattern: /\b(?:UN)?LOCKED:([^:\s<>"]+)/g},
  {kind: 'host', pattern: /\bhttps?:\/\/([^/:\s"'<>\\]+)/gi, hostsOnly: true},
];

/** Values that look like one of the kinds but carry nothing private. */
function worthMasking(kind: MaskKind, value: string): boolean {
  if (value.length < 2) return false;
  if (kind === 'host') return !/^(localhost|127\.0\.0\.1|\[::1\])$/i.test(value);
  if (kind === 'ticket') return !/^(nvu|none|busy)$/i.test(value);
  return true;
}

const XML_DUMP_START = /XML dump follows|Contents of QWC file|HCPResponseXML=|strRequestXML =|response =/;
const ENTRY_START = /^\d{8}\.\d{2}:\d{2}:\d{2}/;

/** Leaves out the untimed lines that follow an entry announcing an XML dump. */
function dropXmlDumps(text: string): {text: string; dropped: number} {
  const lines = text.split(/(\r\n|\n|\r)/);
  const out: string[] = [];
  let inDump = false;
  let dropped = 0;
  let droppedHere = 0;
  const flush = () => {
    if (droppedHere > 0) out.push(`[XML left out: ${droppedHere} ${droppedHere === 1 ? 'line' : 'lines'}]`, '\n');
    droppedHere = 0;
  };
  for (let index = 0; index < lines.length; index += 2) {
    const line = lines[index] ?? '';
    const ending = lines[index + 1] ?? '';
    if (ENTRY_START.test(line)) {
      flush();
      inDump = XML_DUMP_START.test(line);
      out.push(line, ending);
      continue;
    }
    if (inDump) {
      if (line.trim() !== '') {
        dropped += 1;
        droppedHere += 1;
      }
      continue;
    }
    out.push(line, ending);
  }
  flush();
  return {text: out.join(''), dropped};
}

/** The redacted copy and the list of what was masked. */
export function redactLog(text: string, options: RedactOptions = {}): RedactedLog {
  const {text: source, dropped} = options.dropXml ? dropXmlDumps(text) : {text, dropped: 0};

  const masks = new Map<string, Mask>();
  const perKind = new Map<MaskKind, number>();
  for (const finder of FINDERS) {
    if (finder.hostsOnly && !options.maskHosts) continue;
    for (const match of source.matchAll(finder.pattern)) {
      const value = (match[1] ?? '').trim();
      if (!worthMasking(finder.kind, value) || masks.has(value)) continue;
      const number = (perKind.get(finder.kind) ?? 0) + 1;
      perKind.set(finder.kind, number);
      masks.set(value, {kind: finder.kind, mask: `[${finder.kind}-${number}]`, value, count: 0});
    }
  }
  if (masks.size === 0) return {text: source, masks: [], droppedXmlLines: dropped};

  // One pass over the text with every value at once, longest first, so a path wins over a user name inside it.
  const values = [...masks.keys()].sort((a, b) => b.length - a.length);
  const anyValue = new RegExp(`(?<![A-Za-z0-9_])(?:${values.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`, 'g');
  const redacted = source.replace(anyValue, (value) => {
    const mask = masks.get(value);
    if (!mask) return value;
    mask.count += 1;
    return mask.mask;
  });
  const order: MaskKind[] = ['ticket', 'user', 'company-file', 'email', 'computer', 'host'];
  const list = [...masks.values()]
    .filter((m) => m.count > 0)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.mask.localeCompare(b.mask, 'en', {numeric: true}));
  return {text: redacted, masks: list, droppedXmlLines: dropped};
}

/** 'a session ticket', used in the list of what was masked. */
export const MASK_KIND_NAMES: Record<MaskKind, string> = {
  ticket: 'session ticket',
  user: 'user name',
  'company-file': 'company file path',
  email: 'e-mail address',
  computer: 'computer or Windows user name (company file lock)',
  host: 'host name',
};
