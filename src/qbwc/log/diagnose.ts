/**
 * Turns a parsed log into what a person needs: every code and known message it holds, each mapped to
 * its troubleshooting entry, and for each application how its last run ended and the one thing to do
 * next. Pure TypeScript, like the parser.
 */
import {findTroubleshootingEntry, troubleshootingEntries, type TroubleshootingEntry} from '../troubleshooting';
import {escapeRegExp} from '../escape-regexp';
import type {AuthResult, LogRun, LogShape, LogVersions, ParsedLog, RunEvent, RunTrigger} from './parse';

/** A code or known message found in the log. */
export interface Finding {
  /** Stable id of the finding in a report: 'log-qbwc1053', 'log-hresult-0x80040400', 'log-msg-not-xml'. */
  anchor: string;
  /** 'QBWC1053', '0x80040400', 'nvu', or null for a message without a code. */
  code: string | null;
  /** The catalogue entry that explains it, or null when the catalogue has none (an unknown code). */
  entryId: string | null;
  /** The entry's title, or a sentence saying the code is not in the catalogue. */
  title: string;
  /** The first line it was seen on, as the log words it (shortened when very long). */
  example: string;
  firstLine: number;
  count: number;
  /** Applications whose runs it appeared in. */
  apps: string[];
}

export type RunOutcome =
  | 'completed'
  | 'nothing-to-do'
  | 'refused'
  | 'busy'
  | 'no-password'
  | 'failed'
  | 'recovered'
  | 'ended-with-errors'
  | 'unfinished';

export interface RunSummary {
  app: string;
  trigger: RunTrigger;
  line: number;
  time: string | null;
  outcome: RunOutcome;
  /** How the run ended, in plain words. */
  ending: string;
  /** The one thing to do next, in plain words. */
  next: string;
  /** The catalogue entry that explains the ending and the fix, if one does. */
  entryId: string | null;
  /** The finding (in this report) behind the ending, if any. */
  findingAnchor: string | null;
  events: RunEvent[];
}

export interface AppSummary {
  app: string;
  runCount: number;
  lastRun: RunSummary;
  /** The most recent runs, newest last (at most RUNS_KEPT). */
  runs: RunSummary[];
}

export interface LogReport {
  shape: LogShape;
  lineCount: number;
  entryCount: number;
  firstTime: string | null;
  lastTime: string | null;
  level: string | null;
  initializedAt: string | null;
  versions: LogVersions;
  apps: AppSummary[];
  findings: Finding[];
  dialogs: ParsedLog['dialogs'];
  notes: string[];
}

/** Runs kept per application in a report; a long log has thousands, and the last ones say the most. */
export const RUNS_KEPT = 20;
const EXAMPLE_LENGTH = 300;
const UNNAMED_APP = 'Application not named in this part of the log';

const CODE = /QBWC\d{4}|0x8004[0-9a-f]{4}/gi;

/** Catalogue messages worth finding inside a log line: long enough not to match by chance. */
const knownMessages = new Map<string, TroubleshootingEntry>(
  troubleshootingEntries.flatMap((entry) =>
    entry.messages
      .filter((message) => message.length >= 16)
      .map((message) => [message.toLowerCase().replace(/\.$/, ''), entry] as const),
  ),
);
/** All of them in one expression, so a line is searched once, not once per message. */
const KNOWN_MESSAGE = new RegExp(
  [...knownMessages.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|'),
  'gi',
);

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > EXAMPLE_LENGTH ? `${oneLine.slice(0, EXAMPLE_LENGTH)}…` : oneLine;
}

function normalizeCode(code: string): string {
  return /^qbwc/i.test(code) ? code.toUpperCase() : code.toLowerCase();
}

function anchorFor(code: string | null, entryId: string | null): string {
  return `log-${(entryId ?? code ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

class FindingTable {
  private readonly byKey = new Map<string, Finding>();

  add(code: string | null, entry: TroubleshootingEntry | undefined, example: string, line: number, app: string | null): Finding {
    const entryId = entry?.id ?? null;
    // A code the catalogue lacks is listed under its own code; everything else under its entry.
    const key = entryId ?? `code:${code}`;
    let finding = this.byKey.get(key);
    if (!finding) {
      finding = {
        anchor: anchorFor(code, entryId),
        code,
        entryId,
        title: entry ? entry.title : `${code}: not in the troubleshooting catalogue yet`,
        example: shorten(example),
        firstLine: line,
        count: 0,
        apps: [],
      };
      this.byKey.set(key, finding);
    }
    finding.count += 1;
    if (app && !finding.apps.includes(app)) finding.apps.push(app);
    return finding;
  }

  get(entryId: string): Finding | undefined {
    return this.byKey.get(entryId);
  }

  list(): Finding[] {
    return [...this.byKey.values()].sort((a, b) => a.firstLine - b.firstLine);
  }
}

/** Lines worth scanning: an entry's text and wrapped lines, not the XML it dumps or a huge line. */
function worthScanning(line: string): boolean {
  if (line.length >= 4000) return false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charCodeAt(index);
    if (char !== 32 && char !== 9) return char !== 60;
  }
  return false;
}

const HAS_CODE = new RegExp(CODE.source, 'i');
const HAS_KNOWN_MESSAGE = new RegExp(KNOWN_MESSAGE.source, 'i');

/** The application of the run a line belongs to, so findings know their application. */
function appAtLine(runs: readonly LogRun[]): (line: number) => string | null {
  const indexAt = runIndexAt(runs);
  return (line) => runs[indexAt(line)]?.app ?? null;
}

function scanRecords(parsed: ParsedLog, table: FindingTable, onFinding: (finding: Finding, line: number) => void): void {
  const appAt = appAtLine(parsed.runs);
  const lookups = new Map<string, TroubleshootingEntry | undefined>();
  const entryForCode = (code: string): TroubleshootingEntry | undefined => {
    if (!lookups.has(code)) {
      const found = findTroubleshootingEntry(code);
      lookups.set(code, found && found.codes.some((c) => normalizeCode(c) === code) ? found : undefined);
    }
    return lookups.get(code);
  };
  for (const record of parsed.records) {
    // Once per record: a code and the wrapped message under it are one finding, not two.
    let seen: Set<string> | null = null;
    for (let index = -1; index < record.more.length; index++) {
      const line = index < 0 ? record.text : (record.more[index] ?? '');
      if (index >= 0 && !worthScanning(line)) continue;
      const hasCode = HAS_CODE.test(line);
      const hasMessage = HAS_KNOWN_MESSAGE.test(line);
      if (!hasCode && !hasMessage) continue;
      seen ??= new Set<string>();
      if (hasCode)
        for (const match of line.matchAll(CODE)) {
          const code = normalizeCode(match[0]);
          const entry = entryForCode(code);
          const key = entry?.id ?? code;
          if (seen.has(key)) continue;
          seen.add(key);
          onFinding(table.add(code, entry, line, record.line, appAt(record.line)), record.line);
        }
      if (hasMessage)
        for (const match of line.matchAll(KNOWN_MESSAGE)) {
          const entry = knownMessages.get(match[0].toLowerCase());
          if (!entry || seen.has(entry.id)) continue;
          seen.add(entry.id);
          onFinding(table.add(entry.codes[0] ?? null, entry, line, record.line, appAt(record.line)), record.line);
        }
    }
  }
}

const AUTH_ENTRY: Record<'nvu' | 'none' | 'busy', string> = {
  nvu: 'msg-invalid-password',
  none: 'msg-no-data-exchange',
  busy: 'msg-postponed',
};

/** Authenticate's nvu, none and busy, unless the run's own message already said the same. */
function addAuthFindings(
  parsed: ParsedLog,
  table: FindingTable,
  perRun: readonly Finding[][],
  onFinding: (finding: Finding, line: number) => void,
): void {
  parsed.runs.forEach((run, index) => {
    const kind = run.auth?.kind;
    if (kind !== 'nvu' && kind !== 'none' && kind !== 'busy') return;
    if (perRun[index]?.some((f) => f.entryId === AUTH_ENTRY[kind])) return;
    const event = run.events.find((e) => e.kind === 'authenticate');
    const entry = findTroubleshootingEntry(AUTH_ENTRY[kind]);
    const line = event?.line ?? run.line;
    onFinding(table.add(kind, entry, `authenticate ${event?.detail ?? kind}`, line, run.app), line);
  });
}

/** Index of the run a line belongs to (the last run starting at or before it), or -1. */
function runIndexAt(runs: readonly LogRun[]): (line: number) => number {
  return (line) => {
    let low = 0;
    let high = runs.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((runs[mid]?.line ?? 0) <= line) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
}

const SEVERITY_LAST = new Set(['msg-no-data-exchange', 'msg-postponed', 'qbwc1031']);

function summarizeRun(run: LogRun, findingsInRun: readonly Finding[], table: FindingTable): RunSummary {
  const base = {app: run.app ?? UNNAMED_APP, trigger: run.trigger, line: run.line, time: run.time, events: run.events};
  const auth: AuthResult | null = run.auth;
  const link = (entryId: string) => ({entryId, findingAnchor: table.get(entryId)?.anchor ?? null});

  if (run.noPassword) {
    return {
      ...base,
      outcome: 'no-password',
      ending: 'Did not start: no password is saved for this application in the Web Connector (QBWC1030).',
      next: 'Type the password in the application’s Password column, press Enter and save it, then click Update Selected.',
      ...link('qbwc1030'),
    };
  }
  if (auth?.kind === 'nvu') {
    return {
      ...base,
      outcome: 'refused',
      ending: 'The service refused the user name or password (authenticate returned nvu).',
      next: 'Enter the password that came with the .qwc file again in the Password column, save it, and update again.',
      ...link('msg-invalid-password'),
    };
  }
  // The most telling problem: a coded error outranks a message; "none", "postponed" and QBWC1031 only summarize.
  const problem =
    findingsInRun.find((f) => f.code !== null && f.code.startsWith('QBWC') && !SEVERITY_LAST.has(f.entryId ?? '')) ??
    findingsInRun.find((f) => f.code !== null && f.code.startsWith('0x')) ??
    findingsInRun.find((f) => !SEVERITY_LAST.has(f.entryId ?? '') && f.code !== 'none' && f.code !== 'busy');
  const reconnected = run.events.find(
    (e) => e.kind === 'connectQuickBooks' && e.detail.startsWith('connected') && e.line > (problem?.firstLine ?? Infinity),
  );
  if (problem && reconnected && problem.entryId) {
    return {
      ...base,
      outcome: 'recovered',
      ending: `Hit ${problem.title}, then connected to QuickBooks on a later try.`,
      next: `Nothing to fix now. If it happens again, follow the steps under “${problem.title}”.`,
      entryId: problem.entryId,
      findingAnchor: problem.anchor,
    };
  }
  if (problem) {
    return {
      ...base,
      outcome: 'failed',
      ending: problem.entryId
        ? `Stopped on ${problem.title}.`
        : `Stopped on ${problem.code}, a code the troubleshooting catalogue does not explain yet.`,
      next: problem.entryId
        ? `Follow the steps under “${problem.title}”.`
        : 'Send the log to support with the time of the error.',
      entryId: problem.entryId,
      findingAnchor: problem.anchor,
    };
  }
  if (auth?.kind === 'none') {
    return {
      ...base,
      outcome: 'nothing-to-do',
      ending: 'Nothing to exchange: the service had no work for this run (authenticate returned none). This is normal.',
      next: 'Nothing to fix. If you expected data to move, check that something is waiting to sync, then update again.',
      ...link('msg-no-data-exchange'),
    };
  }
  if (auth?.kind === 'busy' || (run.postponedSeconds !== null && run.ended !== 'completed')) {
    return {
      ...base,
      outcome: 'busy',
      ending:
        auth?.kind === 'busy'
          ? 'The service was busy and asked the Web Connector to come back later (authenticate returned busy).'
          : `The service postponed the update by ${run.postponedSeconds} seconds.`,
      next: 'Leave the Web Connector running with Auto-Run ticked; it tries again on its own.',
      ...link('msg-postponed'),
    };
  }
  if (run.closeResponse !== null || run.ended === 'completed') {
    return {
      ...base,
      outcome: 'completed',
      ending:
        run.closeResponse !== null && run.closeResponse !== ''
          ? `Completed: the session closed normally and the service answered “${run.closeResponse}”.`
          : 'Completed: the session closed normally.',
      next: 'Nothing to fix.',
      entryId: null,
      findingAnchor: null,
    };
  }
  if (run.ended === 'errors') {
    const fallback = findingsInRun.find((f) => f.entryId !== null);
    return {
      ...base,
      outcome: 'ended-with-errors',
      ending: 'The Web Connector says the update ended with errors, without naming one in this part of the log.',
      next: 'Read the lines just before the end of this run, or send the whole log to support.',
      entryId: fallback?.entryId ?? 'qbwc1031',
      findingAnchor: fallback?.anchor ?? table.get('qbwc1031')?.anchor ?? null,
    };
  }
  return {
    ...base,
    outcome: 'unfinished',
    ending: 'The log stops before this run ends (it was still running, or only part of the log was pasted).',
    next: 'If the update seems stuck, wait for it to finish, then read the whole log again.',
    entryId: null,
    findingAnchor: null,
  };
}

/** Parsed log in, report out: findings with their catalogue entries, and a summary per application. */
export function diagnoseLog(parsed: ParsedLog): LogReport {
  const table = new FindingTable();
  const indexAt = runIndexAt(parsed.runs);
  // The findings of each run, in the order they happened: the summary of a run rests on them.
  const perRun: Finding[][] = parsed.runs.map(() => []);
  const onFinding = (finding: Finding, line: number) => {
    const list = perRun[indexAt(line)];
    if (list && !list.includes(finding)) list.push(finding);
  };
  scanRecords(parsed, table, onFinding);
  addAuthFindings(parsed, table, perRun, onFinding);
  const findings = table.list();

  const byApp = new Map<string, RunSummary[]>();
  const counts = new Map<string, number>();
  parsed.runs.forEach((run, index) => {
    const summary = summarizeRun(run, perRun[index] ?? [], table);
    const list = byApp.get(summary.app) ?? [];
    list.push(summary);
    if (list.length > RUNS_KEPT) list.shift();
    byApp.set(summary.app, list);
    counts.set(summary.app, (counts.get(summary.app) ?? 0) + 1);
  });
  const apps: AppSummary[] = [...byApp.entries()].map(([app, runs]) => ({
    app,
    runCount: counts.get(app) ?? runs.length,
    lastRun: runs[runs.length - 1] as RunSummary,
    runs,
  }));

  return {
    shape: parsed.shape,
    lineCount: parsed.lineCount,
    entryCount: parsed.entryCount,
    firstTime: parsed.firstTime,
    lastTime: parsed.lastTime,
    level: parsed.header.level,
    initializedAt: parsed.header.initializedAt,
    versions: parsed.versions,
    apps,
    findings,
    dialogs: parsed.dialogs,
    notes: parsed.notes,
  };
}
