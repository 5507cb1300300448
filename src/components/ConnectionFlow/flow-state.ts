/**
 * The guided connection flow as plain data: its steps, the checklist, what lets the reader move
 * on, and the progress kept in localStorage so a reload (or a trip to the Web Connector and back)
 * does not lose the issued password.
 */
import {isTestScenario as isScenario} from '../../qbwc/scenarios';
import type {IssuedConnection} from '../kit/test-endpoint';

export const FLOW_STEPS = [
  {id: 'prerequisites', title: 'Check the prerequisites'},
  {id: 'add-application', title: 'Add the application to the Web Connector'},
  {id: 'password', title: 'Enter the password'},
  {id: 'waiting', title: 'Waiting to hear from the Web Connector'},
  {id: 'connected', title: 'Connected'},
] as const;

export type FlowStepId = (typeof FLOW_STEPS)[number]['id'];

export const LAST_STEP = FLOW_STEPS.length - 1;
export const WAITING_STEP = FLOW_STEPS.findIndex((step) => step.id === 'waiting');

export type ChecklistId = 'windows' | 'admin' | 'company-file' | 'verify-data' | 'web-services';

/** `menu` is the part of the label that is a menu path, shown in bold. */
export const CHECKLIST: readonly {id: ChecklistId; label: string; menu?: string}[] = [
  {id: 'windows', label: 'This computer runs Windows 10 or later.'},
  {id: 'admin', label: 'I am logged in to QuickBooks Desktop as an administrator.'},
  {id: 'company-file', label: 'The company file I want to connect is open in QuickBooks.'},
  {
    id: 'verify-data',
    label: 'I ran File > Utilities > Verify Data and it found no problems.',
    menu: 'File > Utilities > Verify Data',
  },
  {
    id: 'web-services',
    label: 'I opened File > App Management > Update Web Services, which starts the Web Connector.',
    menu: 'File > App Management > Update Web Services',
  },
];

/** Where the issued connection lives: this site's server, or the test endpoint inside this page. */
export type ConnectionSource = 'server' | 'in-page';

export interface FlowConnection extends IssuedConnection {
  source: ConnectionSource;
}

/** A session the endpoint logged for this user, as GET /qbwc/sessions describes it. */
export interface HeardSession {
  startedAt: number;
  status: string;
  steps: {at: number; method: string; summary: string}[];
}

export interface FlowProgress {
  /** Index into FLOW_STEPS. */
  step: number;
  checklist: Record<ChecklistId, boolean>;
  connection: FlowConnection | null;
  /** When the reader reached the waiting step (epoch ms), so the "taking long" hint survives a reload. */
  waitingSince: number | null;
  /** The session that proved the connection. */
  heard: HeardSession | null;
  /** Why the stored connection was dropped when the page loaded, to say so once. */
  notice: 'expired' | null;
}

export const FLOW_STORAGE_KEY = 'qbwc-help:connect-flow';
export const POLL_INTERVAL_MS = 3000;
/** After this long without a word from the Web Connector, the flow says what to check. */
export const SLOW_AFTER_MS = 2 * 60_000;

function emptyChecklist(): Record<ChecklistId, boolean> {
  return Object.fromEntries(CHECKLIST.map((item) => [item.id, false])) as Record<ChecklistId, boolean>;
}

export function initialProgress(): FlowProgress {
  return {step: 0, checklist: emptyChecklist(), connection: null, waitingSince: null, heard: null, notice: null};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readConnection(value: unknown): FlowConnection | null {
  if (!isRecord(value)) return null;
  const {userName, password, qwc, qwcFileName, expiresAt, scenario, source} = value;
  if (
    typeof userName !== 'string' ||
    typeof password !== 'string' ||
    typeof qwc !== 'string' ||
    typeof qwcFileName !== 'string' ||
    typeof expiresAt !== 'string' ||
    !isScenario(scenario) ||
    (source !== 'server' && source !== 'in-page')
  ) {
    return null;
  }
  return {userName, password, qwc, qwcFileName, expiresAt, scenario, source};
}

/** Epoch ms from a number (as stored here) or ISO text (as the endpoint sends it). */
function readTime(value: unknown): number | null {
  const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(time) ? time : null;
}

function readHeard(value: unknown): HeardSession | null {
  if (!isRecord(value) || typeof value.status !== 'string' || !Array.isArray(value.steps)) return null;
  const startedAt = readTime(value.startedAt);
  if (startedAt === null) return null;
  const steps: HeardSession['steps'] = [];
  for (const step of value.steps) {
    const at = isRecord(step) ? readTime(step.at) : null;
    if (isRecord(step) && at !== null && typeof step.method === 'string' && typeof step.summary === 'string') {
      steps.push({at, method: step.method, summary: step.summary});
    }
  }
  return {startedAt, status: value.status, steps};
}

function clampStep(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 0), LAST_STEP) : 0;
}

/**
 * Progress as stored, checked field by field: anything unreadable starts over rather than
 * breaking the page, and a step is never further than what the stored data supports.
 */
export function parseProgress(text: string | null, now: number): FlowProgress {
  const progress = initialProgress();
  if (!text) return progress;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return progress;
  }
  if (!isRecord(raw)) return progress;
  if (isRecord(raw.checklist)) {
    for (const item of CHECKLIST) progress.checklist[item.id] = raw.checklist[item.id] === true;
  }
  progress.connection = readConnection(raw.connection);
  progress.heard = readHeard(raw.heard);
  progress.waitingSince = typeof raw.waitingSince === 'number' ? raw.waitingSince : null;
  progress.step = clampStep(raw.step);

  const expiresAt = progress.connection ? Date.parse(progress.connection.expiresAt) : NaN;
  if (progress.connection && !progress.heard && Number.isFinite(expiresAt) && expiresAt <= now) {
    // An expired test user can no longer authenticate: a new file and password are needed.
    progress.connection = null;
    progress.notice = 'expired';
  }
  if (!progress.connection) progress.heard = null;
  if (!allChecked(progress)) progress.step = 0;
  else if (!progress.connection) progress.step = Math.min(progress.step, 1);
  else if (!progress.heard) progress.step = Math.min(progress.step, WAITING_STEP);
  if (progress.step !== WAITING_STEP) progress.waitingSince = null;
  return progress;
}

/** What is stored: the notice is about this visit only. */
export function serializeProgress(progress: FlowProgress): string {
  const {notice: _notice, ...kept} = progress;
  return JSON.stringify(kept);
}

export function allChecked(progress: FlowProgress): boolean {
  return CHECKLIST.every((item) => progress.checklist[item.id]);
}

/** Why Next is not offered yet on the current step, or null when it is. */
export function blockedReason(progress: FlowProgress): string | null {
  switch (FLOW_STEPS[progress.step]?.id) {
    case 'prerequisites':
      return allChecked(progress) ? null : 'Tick every item in the checklist to go on.';
    case 'add-application':
      return progress.connection ? null : 'Download the .qwc file first.';
    case 'waiting':
      return progress.heard ? null : 'This step moves on by itself once the Web Connector authenticates.';
    case 'connected':
      return 'This is the last step.';
    default:
      return null;
  }
}

export type FlowAction =
  | {type: 'check'; id: ChecklistId; checked: boolean}
  | {type: 'issued'; connection: FlowConnection}
  | {type: 'next'; now: number}
  | {type: 'back'}
  | {type: 'heard'; session: HeardSession}
  | {type: 'start-over'};

export function flowReducer(progress: FlowProgress, action: FlowAction): FlowProgress {
  switch (action.type) {
    case 'check':
      return {...progress, checklist: {...progress.checklist, [action.id]: action.checked}};
    case 'issued':
      // A new user means a new password: whatever was heard for the old one no longer counts.
      return {...progress, connection: action.connection, heard: null, waitingSince: null, notice: null};
    case 'next': {
      if (blockedReason(progress) !== null) return progress;
      const step = progress.step + 1;
      return {...progress, step, waitingSince: step === WAITING_STEP ? action.now : progress.waitingSince};
    }
    case 'back':
      if (progress.step === 0) return progress;
      return {...progress, step: progress.step - 1, waitingSince: null};
    case 'heard':
      if (progress.step !== WAITING_STEP || !progress.connection) return progress;
      return {...progress, heard: action.session, step: WAITING_STEP + 1, waitingSince: null};
    case 'start-over':
      return initialProgress();
  }
}

/** Session statuses that mean the password was accepted: the Web Connector got in. */
const AUTHENTICATED_STATUSES = new Set([
  'in-progress',
  'connected',
  'no-work',
  'busy',
  'connection-error',
  'qbxml-error',
  'expired',
]);

/**
 * The first logged session in which this user authenticated, from the body of
 * GET /qbwc/sessions?user=NAME; null when there is none yet or the body is not understood.
 */
export function findAuthenticatedSession(body: unknown): HeardSession | null {
  if (!isRecord(body) || !Array.isArray(body.sessions)) return null;
  for (const raw of body.sessions) {
    const session = readHeard(raw);
    if (session && AUTHENTICATED_STATUSES.has(session.status)) return session;
  }
  return null;
}

/** "about 2 minutes": for the waiting step's patience message. */
export function describeWait(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
