/**
 * Reads the QuickBooks Web Connector's log (QWCLog.txt) into records and runs.
 *
 * A log line is `YYYYMMDD.HH:MM:SS UTC<TAB>: Source.method() : text`; the lines that follow it
 * without a timestamp (XML dumps, stack traces, wrapped text) belong to it. Lines before the first
 * entry are the header block or loose text someone pasted (an error dialog, a single line).
 * Pure TypeScript: no DOM, no Node API, so it runs in a Web Worker, on the server and in tests.
 */

/** One entry of the log, or a paragraph of loose text (then `time` is null and `source` empty). */
export interface LogRecord {
  /** 1-based line number of the record's first line. */
  line: number;
  /** '2019-05-30 12:20:03 UTC', or null for loose text. */
  time: string | null;
  /** 'QBWebConnector.SOAPWebService.do_authenticate()', '' for loose text. */
  source: string;
  text: string;
  /** The lines that follow without a timestamp of their own. */
  more: string[];
}

export interface LogHeader {
  /** As the header words it: 'Thursday, May 30, 2019 - 12:20 PM UTC'. */
  initializedAt: string | null;
  /** 'QBWebConnector 2.2 has been initialized …' gives '2.2'. */
  webConnectorVersion: string | null;
  /** 'VERBOSE', 'DEBUG' or 'NONE' as the header states it. */
  level: string | null;
}

/** How a run began: the Auto-Run scheduler, a click on Update Selected, adding a .qwc file, or not in the log. */
export type RunTrigger = 'scheduled' | 'manual' | 'add' | 'unknown';

export type AuthResult =
  | {kind: 'ticket'; companyFile: string | null}
  | {kind: 'nvu'}
  | {kind: 'none'}
  | {kind: 'busy'}
  | {kind: 'unknown'; value: string};

export type RunEventKind =
  | 'serverVersion'
  | 'clientVersion'
  | 'authenticate'
  | 'sendRequestXML'
  | 'receiveResponseXML'
  | 'getLastError'
  | 'connectionError'
  | 'closeConnection'
  | 'connectQuickBooks'
  | 'postponed'
  | 'problem'
  | 'ended';

export interface RunEvent {
  kind: RunEventKind;
  line: number;
  time: string | null;
  /** What happened, in the log's own values ('returned "0.0.0"', 'returned nvu'). */
  detail: string;
  /** How many times it happened in a row of calls (sendRequestXML and receiveResponseXML are counted, not listed). */
  count: number;
}

export interface LogRun {
  app: string | null;
  trigger: RunTrigger;
  line: number;
  time: string | null;
  events: RunEvent[];
  auth: AuthResult | null;
  userName: string | null;
  sendRequests: number;
  receiveResponses: number;
  /** The last progress the service returned from receiveResponseXML (percent, or negative for an error). */
  lastProgress: number | null;
  closeResponse: string | null;
  postponedSeconds: number | null;
  /** 'completed' when the Web Connector said so, 'errors' when it said it ended with errors. */
  ended: 'completed' | 'errors' | null;
  /** The log says no password is saved, so the run did not start (QBWC1030). */
  noPassword: boolean;
}

export interface LogVersions {
  webConnector: string | null;
  /** The version the Web Connector sent in clientVersion (productVersion="…"). */
  clientVersionSent: string | null;
  /** qbXMLMajorVers.qbXMLMinorVers from sendRequestXML: the newest qbXML the QuickBooks in use accepts. */
  qbxml: string | null;
  /** <ProductName> of a HostRet dump, when the log holds one. */
  quickBooksProduct: string | null;
}

/** The Version / Message / Description block of an error dialog a user copied. */
export interface ErrorDialog {
  line: number;
  version: string;
  message: string;
  description: string;
}

/**
 * What the text is: a Web Connector log (timestamped entries), an error dialog or a fragment (codes
 * or known messages without timestamps), something else, or nothing at all.
 */
export type LogShape = 'log' | 'dialog' | 'fragment' | 'other' | 'empty';

export interface ParsedLog {
  shape: LogShape;
  header: LogHeader;
  records: LogRecord[];
  runs: LogRun[];
  dialogs: ErrorDialog[];
  versions: LogVersions;
  lineCount: number;
  /** Timestamped entries (loose text not counted). */
  entryCount: number;
  firstTime: string | null;
  lastTime: string | null;
  /** Readings the parser could only guess at, in plain words. */
  notes: string[];
}

export interface ParseOptions {
  /** Called every few thousand lines with the lines read so far, for a progress bar. */
  onProgress?: (linesRead: number, lineCount: number) => void;
}

const ENTRY =
  /^(\d{4})(\d{2})(\d{2})\.(\d{2}:\d{2}:\d{2})\s*UTC[\t ]*:[\t ]*([A-Za-z_][\w.]*(?:\([^)]*\))?)[\t ]*(?::[\t ]?(.*))?$/;
const LOOKS_LIKE_TIMESTAMP = /^\d{8}\.\d/;
const PROGRESS_EVERY = 20_000;

/** Splits on CRLF, LF or a lone CR, so files with mixed line endings read the same. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Lines into entries and paragraphs of loose text. */
export function readRecords(lines: readonly string[], options: ParseOptions = {}): {records: LogRecord[]; notes: string[]} {
  const records: LogRecord[] = [];
  const notes: string[] = [];
  let current: LogRecord | null = null;
  for (let index = 0; index < lines.length; index++) {
    if (options.onProgress && index % PROGRESS_EVERY === 0) options.onProgress(index, lines.length);
    const raw = lines[index] ?? '';
    // Cheap test first: nearly every line of a long log is either an entry or XML.
    const match = raw.length > 20 && isDigit(raw.charCodeAt(0)) && raw.charCodeAt(8) === 46 ? ENTRY.exec(raw) : null;
    if (match) {
      const [, year, month, day, clock, source = '', text = ''] = match;
      current = {line: index + 1, time: `${year}-${month}-${day} ${clock} UTC`, source, text: text.trimEnd(), more: []};
      records.push(current);
      continue;
    }
    if (index === lines.length - 1 && LOOKS_LIKE_TIMESTAMP.test(raw)) {
      notes.push(`The last line (line ${index + 1}) looks cut off; it was read as plain text.`);
    }
    const line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (current && current.time !== null) {
      current.more.push(line);
      continue;
    }
    if (line.trim() === '') {
      current = null;
      continue;
    }
    // Loose text: consecutive lines form one paragraph, so a wrapped line stays whole.
    if (current) current.more.push(line);
    else {
      current = {line: index + 1, time: null, source: '', text: line.trim(), more: []};
      records.push(current);
    }
  }
  options.onProgress?.(lines.length, lines.length);
  return {records, notes};
}

const HEADER_INITIALIZED = /^Log file initialized at (.+?)\s*$/;
const HEADER_LEVEL = /^QBWebConnector\s+(\S+)\s+has been initialized with its logging status to level\s*=\s*([A-Za-z]+)/;

function readHeader(records: readonly LogRecord[]): LogHeader {
  const header: LogHeader = {initializedAt: null, webConnectorVersion: null, level: null};
  for (const record of records) {
    if (record.time !== null) continue;
    for (const line of [record.text, ...record.more]) {
      const initialized = HEADER_INITIALIZED.exec(line.trim());
      if (initialized) header.initializedAt = initialized[1] ?? null;
      const level = HEADER_LEVEL.exec(line.trim());
      if (level) {
        header.webConnectorVersion = level[1] ?? null;
        header.level = (level[2] ?? '').toUpperCase();
      }
    }
  }
  return header;
}

const DIALOG_LABEL = /^(Version|Message|Description):\s*(.*)$/;

function readDialogs(lines: readonly string[]): ErrorDialog[] {
  const dialogs: ErrorDialog[] = [];
  let open: ErrorDialog | null = null;
  let field: 'version' | 'message' | 'description' | null = null;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    // Most lines of a long log are entries or XML: skip them before any regular expression runs.
    const first = raw.charCodeAt(0);
    if (!open && first !== 86 && first !== 77 && first !== 68 && first !== 32 && first !== 9) continue;
    const line = raw.trim();
    const label = DIALOG_LABEL.exec(line);
    if (label) {
      const name = (label[1] ?? '').toLowerCase() as 'version' | 'message' | 'description';
      if (!open || (name === 'version' && (open.message || open.description))) {
        open = {line: index + 1, version: '', message: '', description: ''};
        dialogs.push(open);
      }
      field = name;
      open[field] = (label[2] ?? '').trim();
      continue;
    }
    if (/^-{10,}$/.test(line) || LOOKS_LIKE_TIMESTAMP.test(line)) {
      field = null;
      if (open && /^-{10,}$/.test(line) && (open.message || open.description)) open = null;
      continue;
    }
    if (open && field && line !== '') open[field] = open[field] ? `${open[field]}\n${line}` : line;
  }
  return dialogs.filter((d) => d.message !== '' || d.description !== '');
}

const APP_SCHEDULED = /Performing SCHEDULED UPDATE for application\s*=\s*(.+?)\s*$/;
const APP_MANUAL = /updateWS\(\) for application\s*=\s*'(.+?)' has STARTED/;
const APP_NAME = /^AppName:\s*(.+?)\s*$/;
const APP_COMPLETED = /Update for application\s*=\s*'(.+?)' has COMPLETED/;
const APP_NO_PASSWORD = /QBWC1030: Password is not available for application named '(.+?)'/;
const QWC_APP_NAME = /<AppName>([^<]*)<\/AppName>/;
const AUTH_USER = /Authenticating to application '.*?', username = '(.*?)'/;
const AUTH_RET = /authRet\[(\d)\]="([^"]*)"/g;
const SERVER_VERSION = /<serverVersionRet="([^"]*)">/;
const CLIENT_VERSION_SENT = /<productVersion="([^"]*)">/;
const CLIENT_VERSION_RET = /<clientVersionRet="([^"]*)">/;
const MORE = /\b(?:more|percentDone)="(-?\d+)"/;
const CLOSE_RESPONSE = /<ccResponse="([^"]*)">/;
const LAST_ERROR = /<getLastErrorRet="([^"]*)">|getLastError\(\) following parameter:\s*(.*)$/;
const POSTPONED = /postponed .* for next (\d+) seconds/;
const QBXML_MAJOR = /qbXMLMajorVers="(\d+)"/;
const QBXML_MINOR = /qbXMLMinorVers="(\d+)"/;
const PRODUCT_NAME = /<ProductName>([^<]+)<\/ProductName>/;

function newRun(trigger: RunTrigger, record: LogRecord, app: string | null): LogRun {
  return {
    app,
    trigger,
    line: record.line,
    time: record.time,
    events: [],
    auth: null,
    userName: null,
    sendRequests: 0,
    receiveResponses: 0,
    lastProgress: null,
    closeResponse: null,
    postponedSeconds: null,
    ended: null,
    noPassword: false,
  };
}

/** What authenticate's second item means (the protocol's result codes, matched without regard to case). */
export function readAuthResult(second: string): AuthResult {
  const value = second.trim();
  const lower = value.toLowerCase();
  if (lower === '') return {kind: 'ticket', companyFile: null};
  if (lower === 'nvu') return {kind: 'nvu'};
  if (lower === 'none') return {kind: 'none'};
  if (lower === 'busy') return {kind: 'busy'};
  if (/\.qbw$/i.test(value) || /^[a-z]:\\|^\\\\/i.test(value)) return {kind: 'ticket', companyFile: value};
  return {kind: 'unknown', value};
}

function describeAuth(auth: AuthResult): string {
  switch (auth.kind) {
    case 'ticket':
      return auth.companyFile
        ? `accepted, for the company file ${auth.companyFile}`
        : 'accepted: use the company file open in QuickBooks';
    case 'nvu':
      return 'returned nvu: the user name or password was refused';
    case 'none':
      return 'returned none: nothing to exchange this time';
    case 'busy':
      return 'returned busy: the service asked to come back later';
    case 'unknown':
      return `returned "${auth.value}"`;
  }
}

function lastEvent(run: LogRun, kind: RunEventKind): RunEvent | undefined {
  for (let index = run.events.length - 1; index >= 0; index--) {
    const event = run.events[index];
    if (event?.kind === kind) return event;
  }
  return undefined;
}

/** Adds an event, or counts it on the last one of the same kind when calls repeat (sendRequestXML). */
function addEvent(run: LogRun, record: LogRecord, kind: RunEventKind, detail: string, counted = false): RunEvent {
  if (counted) {
    const same = lastEvent(run, kind);
    if (same) {
      same.count += 1;
      same.detail = detail;
      return same;
    }
  }
  const event: RunEvent = {kind, line: record.line, time: record.time, detail, count: 1};
  run.events.push(event);
  return event;
}

function receiveDetail(run: LogRun): string {
  const calls = `${run.receiveResponses} ${run.receiveResponses === 1 ? 'response' : 'responses'} handed over`;
  if (run.lastProgress === null) return calls;
  const progress =
    run.lastProgress < 0
      ? `the service returned ${run.lastProgress} (an error)`
      : `the service reported ${run.lastProgress}% done`;
  return `${calls}; ${progress}`;
}

const PROBLEM = /QBWC\d{4}|0x8004[0-9a-f]{4}|\berror\b|\bfailed\b|exception|Enter a password/i;
const PROBLEM_LENGTH = 240;

/** Groups the records into runs: one per update of one application, as far as the log shows them. */
function readRuns(records: readonly LogRecord[], versions: LogVersions): LogRun[] {
  const runs: LogRun[] = [];
  let run: LogRun | null = null;
  // A scheduled update starts with "Password management"; the application is named a line or two later.
  let pendingScheduled = false;
  let qbxmlMajor: string | null = null;

  // A call after the end of an update belongs to a run the log does not show the start of.
  const current = (record: LogRecord, afterEnd = false): LogRun => {
    if (!run || (run.ended !== null && !afterEnd)) {
      run = newRun('unknown', record, null);
      runs.push(run);
    }
    return run;
  };
  const start = (trigger: RunTrigger, record: LogRecord, app: string | null): LogRun => {
    run = newRun(trigger, record, app);
    runs.push(run);
    return run;
  };

  for (const record of records) {
    const {text} = record;
    if (text === '' && record.more.length === 0) continue;
    if (record.time === null && text.startsWith('Log file initialized')) {
      // A new header: the Web Connector restarted, so nothing carries over.
      run = null;
      pendingScheduled = false;
      continue;
    }

    if (text.startsWith('Password management - Started')) {
      pendingScheduled = true;
      continue;
    }
    if (text.startsWith('Password management - Ended')) continue;

    const scheduled = APP_SCHEDULED.exec(text);
    if (scheduled) {
      start('scheduled', record, scheduled[1] ?? null);
      pendingScheduled = false;
      continue;
    }
    const noPassword = APP_NO_PASSWORD.exec(text);
    if (noPassword) {
      const skipped = pendingScheduled ? start('scheduled', record, noPassword[1] ?? null) : current(record);
      pendingScheduled = false;
      skipped.app ??= noPassword[1] ?? null;
      skipped.noPassword = true;
      addEvent(skipped, record, 'problem', 'QBWC1030: no password is saved for this application, so the update did not start');
      continue;
    }
    const manual = APP_MANUAL.exec(text);
    if (manual) {
      start('manual', record, manual[1] ?? null);
      pendingScheduled = false;
      continue;
    }
    if (text.startsWith('Contents of QWC file')) {
      const appName = record.more.map((line) => QWC_APP_NAME.exec(line)?.[1]).find((name) => name !== undefined);
      start('add', record, appName?.trim() || null);
      continue;
    }

    const appName = record.source.includes('instantiateWebService') ? APP_NAME.exec(text) : null;
    if (appName) {
      const r = current(record);
      r.app ??= appName[1] ?? null;
      continue;
    }

    if (text.includes('Received from serverVersion()')) {
      addEvent(current(record), record, 'serverVersion', `returned "${SERVER_VERSION.exec(text)?.[1] ?? ''}"`);
      continue;
    }
    if (text.includes('Calling clientVersion()')) {
      const sent = CLIENT_VERSION_SENT.exec(text)?.[1] ?? null;
      if (sent) versions.clientVersionSent = sent;
      addEvent(current(record), record, 'clientVersion', sent ? `sent version ${sent}` : 'called');
      continue;
    }
    if (text.includes('Received from clientVersion()')) {
      const answer = CLIENT_VERSION_RET.exec(text)?.[1] ?? '';
      const r = current(record);
      const event = lastEvent(r, 'clientVersion');
      const said = answer === '' ? 'the service accepted the version' : `the service answered "${answer}"`;
      if (event) event.detail = `${event.detail}; ${said}`;
      else addEvent(r, record, 'clientVersion', said);
      continue;
    }
    const user = AUTH_USER.exec(text);
    if (user) {
      current(record).userName = user[1] ?? null;
      continue;
    }
    if (text.includes('Received from authenticate()')) {
      // Pasted copies wrap the result over two lines.
      const whole = record.more.length > 0 ? `${text}\n${record.more.slice(0, 4).join('\n')}` : text;
      const items: string[] = [];
      for (const m of whole.matchAll(AUTH_RET)) items[Number(m[1])] = m[2] ?? '';
      const r = current(record);
      r.auth = readAuthResult(items[1] ?? '');
      if (r.auth.kind === 'nvu' || r.auth.kind === 'busy') {
        const delay = Number(items[2] ?? '');
        if (delay > 0) r.postponedSeconds = delay;
      }
      addEvent(r, record, 'authenticate', describeAuth(r.auth));
      continue;
    }
    if (text.includes('Calling sendRequestXML()') || text.startsWith('Asking application to send request')) {
      if (text.startsWith('Asking application')) continue;
      const r = current(record);
      r.sendRequests += 1;
      addEvent(r, record, 'sendRequestXML', `${r.sendRequests} ${r.sendRequests === 1 ? 'request' : 'requests'} asked for`, true);
      continue;
    }
    if (record.source.includes('do_sendRequestXML')) {
      const major = QBXML_MAJOR.exec(text)?.[1];
      if (major) qbxmlMajor = major;
      const minor = QBXML_MINOR.exec(text)?.[1];
      if (minor && qbxmlMajor) versions.qbxml = `${qbxmlMajor}.${minor}`;
    }
    const more = record.source.includes('receiveResponseXML') ? MORE.exec(text) : null;
    if (text.includes('Calling receiveResponseXML()') || more) {
      const r = current(record);
      if (more) r.lastProgress = Number(more[1]);
      else r.receiveResponses += 1;
      const event = lastEvent(r, 'receiveResponseXML') ?? addEvent(r, record, 'receiveResponseXML', '');
      event.count = r.receiveResponses;
      event.detail = receiveDetail(r);
      continue;
    }
    if (/getLastError\(\)/.test(text) && text.includes('Received')) {
      const m = LAST_ERROR.exec(text);
      addEvent(current(record), record, 'getLastError', `the service said: ${(m?.[1] ?? m?.[2] ?? '').trim() || '(nothing)'}`);
      continue;
    }
    if (/connectionError\(\)/.test(text) && text.includes('Calling')) {
      addEvent(current(record), record, 'connectionError', 'the Web Connector told the service it could not reach QuickBooks');
      continue;
    }
    if (text.includes('Received from closeConnection()')) {
      const r = current(record);
      r.closeResponse = CLOSE_RESPONSE.exec(text)?.[1] ?? '';
      addEvent(r, record, 'closeConnection', r.closeResponse ? `the service answered "${r.closeResponse}"` : 'session closed');
      continue;
    }
    if (text.startsWith('Connecting to QuickBooks')) {
      addEvent(current(record), record, 'connectQuickBooks', 'connecting to QuickBooks');
      continue;
    }
    if (text.startsWith('Connected., Session started') || text.startsWith('Connected, Session started')) {
      const r = current(record);
      const event = lastEvent(r, 'connectQuickBooks');
      if (event) event.detail = 'connected to QuickBooks; session started';
      else addEvent(r, record, 'connectQuickBooks', 'connected to QuickBooks; session started');
      continue;
    }
    const postponed = POSTPONED.exec(text);
    if (postponed) {
      const r = current(record);
      r.postponedSeconds = Number(postponed[1]);
      addEvent(r, record, 'postponed', `update postponed for ${postponed[1]} seconds`);
      continue;
    }
    const completed = APP_COMPLETED.exec(text);
    if (completed) {
      const r = current(record, true);
      r.app ??= completed[1] ?? null;
      if (r.ended !== 'errors') r.ended = 'completed';
      addEvent(r, record, 'ended', 'the update completed');
      continue;
    }
    if (text.startsWith('Update completed with errors')) {
      const r = current(record, true);
      r.ended = 'errors';
      addEvent(r, record, 'ended', 'the update ended with errors');
      continue;
    }
    if (PROBLEM.test(text)) {
      const shown = text.length > PROBLEM_LENGTH ? `${text.slice(0, PROBLEM_LENGTH)}…` : text;
      addEvent(current(record, true), record, 'problem', shown);
      continue;
    }
    for (const line of record.more) {
      const product = line.includes('<ProductName>') ? PRODUCT_NAME.exec(line)?.[1] : undefined;
      if (product) versions.quickBooksProduct = product.trim();
    }
  }
  return runs.filter((r) => r.app !== null || r.events.length > 0);
}

/** Text of any shape in, records, runs, dialogs and versions out. Never throws on odd input. */
export function parseLog(text: string, options: ParseOptions = {}): ParsedLog {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const {records, notes} = readRecords(lines, options);
  const header = readHeader(records);
  const versions: LogVersions = {
    webConnector: header.webConnectorVersion,
    clientVersionSent: null,
    qbxml: null,
    quickBooksProduct: null,
  };
  const runs = readRuns(records, versions);
  const dialogs = readDialogs(lines);
  let entryCount = 0;
  let firstTime: string | null = null;
  let lastTime: string | null = null;
  for (const record of records) {
    if (record.time === null) continue;
    entryCount += 1;
    firstTime ??= record.time;
    lastTime = record.time;
  }
  const shape: LogShape =
    text.trim() === ''
      ? 'empty'
      : entryCount > 0 || header.level !== null
        ? 'log'
        : dialogs.length > 0
          ? 'dialog'
          : looksLikeFragment(text)
            ? 'fragment'
            : 'other';
  return {shape, header, records, runs, dialogs, versions, lineCount: lines.length, entryCount, firstTime, lastTime, notes};
}

/** A code, an authenticate result or a phrase only the Web Connector writes: worth reading even without timestamps. */
function looksLikeFragment(text: string): boolean {
  return /QBWC\d{4}|0x8004[0-9a-f]{4}|authRet\[\d\]|QBWebConnector|sendRequestXML|receiveResponseXML/i.test(text);
}
