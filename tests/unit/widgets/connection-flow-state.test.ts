import {describe, expect, it} from 'vitest';
import {
  CHECKLIST,
  FLOW_STEPS,
  WAITING_STEP,
  blockedReason,
  describeWait,
  findAuthenticatedSession,
  flowReducer,
  initialProgress,
  parseProgress,
  serializeProgress,
  type FlowConnection,
  type FlowProgress,
} from '../../../src/components/ConnectionFlow/flow-state';

const NOW = Date.UTC(2026, 0, 15, 12);

const connection: FlowConnection = {
  userName: 'qbwc-test-0a1b2c3d4e',
  password: 'Kx7-pQ2-mZ9',
  qwc: '<?xml version="1.0"?><QBWCXML/>',
  qwcFileName: 'Connector qbwc-test-0a1b2c3d4e.qwc',
  expiresAt: new Date(NOW + 86_400_000).toISOString(),
  scenario: 'healthy',
  source: 'server',
};

function tickAll(progress: FlowProgress): FlowProgress {
  return CHECKLIST.reduce((state, item) => flowReducer(state, {type: 'check', id: item.id, checked: true}), progress);
}

function atWaiting(): FlowProgress {
  let state = tickAll(initialProgress());
  state = flowReducer(state, {type: 'next', now: NOW});
  state = flowReducer(state, {type: 'issued', connection});
  state = flowReducer(state, {type: 'next', now: NOW});
  return flowReducer(state, {type: 'next', now: NOW});
}

const heard = {
  startedAt: NOW + 5000,
  status: 'connected',
  steps: [{at: NOW + 5000, method: 'authenticate', summary: 'Accepted.'}],
};

describe('moving through the flow', () => {
  it('has five steps, with the wait fourth', () => {
    expect(FLOW_STEPS.map((step) => step.id)).toEqual(['prerequisites', 'add-application', 'password', 'waiting', 'connected']);
    expect(WAITING_STEP).toBe(3);
  });

  it('keeps Next closed until every checklist item is ticked', () => {
    let state = initialProgress();
    expect(blockedReason(state)).toMatch(/Tick every item/);
    expect(flowReducer(state, {type: 'next', now: NOW})).toBe(state);
    state = tickAll(state);
    state = flowReducer(state, {type: 'check', id: 'verify-data', checked: false});
    expect(flowReducer(state, {type: 'next', now: NOW}).step).toBe(0);
    state = flowReducer(state, {type: 'check', id: 'verify-data', checked: true});
    expect(flowReducer(state, {type: 'next', now: NOW}).step).toBe(1);
  });

  it('needs a connection before the password step, and records when the wait began', () => {
    let state = flowReducer(tickAll(initialProgress()), {type: 'next', now: NOW});
    expect(blockedReason(state)).toMatch(/Download/);
    state = flowReducer(state, {type: 'issued', connection});
    state = flowReducer(state, {type: 'next', now: NOW});
    expect(FLOW_STEPS[state.step]?.id).toBe('password');
    state = flowReducer(state, {type: 'next', now: NOW + 10});
    expect(state.step).toBe(WAITING_STEP);
    expect(state.waitingSince).toBe(NOW + 10);
  });

  it('waits for the Web Connector, then moves on by itself', () => {
    const waiting = atWaiting();
    expect(flowReducer(waiting, {type: 'next', now: NOW})).toBe(waiting);
    const connected = flowReducer(waiting, {type: 'heard', session: heard});
    expect(FLOW_STEPS[connected.step]?.id).toBe('connected');
    expect(connected.heard).toEqual(heard);
  });

  it('ignores a session heard on any other step', () => {
    const state = flowReducer(tickAll(initialProgress()), {type: 'heard', session: heard});
    expect(state.step).toBe(0);
  });

  it('goes back one step and starts over from nothing', () => {
    const waiting = atWaiting();
    expect(flowReducer(waiting, {type: 'back'}).step).toBe(WAITING_STEP - 1);
    expect(flowReducer(initialProgress(), {type: 'back'}).step).toBe(0);
    expect(flowReducer(waiting, {type: 'start-over'})).toEqual(initialProgress());
  });

  it('forgets what was heard when a new connection is issued', () => {
    const connected = flowReducer(atWaiting(), {type: 'heard', session: heard});
    const renewed = flowReducer(connected, {type: 'issued', connection: {...connection, userName: 'qbwc-test-ffffffffff'}});
    expect(renewed.heard).toBeNull();
  });
});

describe('progress kept across a reload', () => {
  it('round-trips through storage', () => {
    const waiting = atWaiting();
    expect(parseProgress(serializeProgress(waiting), NOW + 1000)).toEqual(waiting);
    const connected = flowReducer(waiting, {type: 'heard', session: heard});
    expect(parseProgress(serializeProgress(connected), NOW + 1000)).toEqual(connected);
  });

  it('starts fresh from nothing or from junk', () => {
    expect(parseProgress(null, NOW)).toEqual(initialProgress());
    expect(parseProgress('{not json', NOW)).toEqual(initialProgress());
    expect(parseProgress('[1,2]', NOW)).toEqual(initialProgress());
  });

  it('never lands further than the stored data supports', () => {
    const ticked = tickAll(initialProgress());
    expect(parseProgress(JSON.stringify({...ticked, step: 4}), NOW).step).toBe(1);
    expect(parseProgress(JSON.stringify({...initialProgress(), step: 3}), NOW).step).toBe(0);
    expect(parseProgress(JSON.stringify({...atWaiting(), step: 99}), NOW).step).toBe(WAITING_STEP);
    expect(parseProgress(JSON.stringify({...atWaiting(), connection: {...connection, source: 'elsewhere'}}), NOW).step).toBe(1);
  });

  it('drops an expired test user and says so', () => {
    const stored = serializeProgress(atWaiting());
    const later = parseProgress(stored, Date.parse(connection.expiresAt) + 1);
    expect(later.connection).toBeNull();
    expect(later.notice).toBe('expired');
    expect(later.step).toBe(1);
    expect(serializeProgress(later)).not.toContain('notice');
  });
});

describe('findAuthenticatedSession', () => {
  it('finds a session where the password was accepted', () => {
    const body = {
      user: connection.userName,
      sessions: [
        {
          startedAt: 1,
          lastMethod: 'authenticate',
          status: 'invalid-password',
          steps: [{at: 1, method: 'authenticate', summary: 'nvu'}],
        },
        {
          startedAt: 2,
          lastMethod: 'closeConnection',
          status: 'connected',
          steps: [{at: 2, method: 'authenticate', summary: 'ok'}],
        },
      ],
    };
    expect(findAuthenticatedSession(body)?.startedAt).toBe(2);
  });

  it('finds nothing in an empty, failed or unreadable answer', () => {
    expect(findAuthenticatedSession({sessions: []})).toBeNull();
    expect(findAuthenticatedSession({sessions: [{startedAt: 1, status: 'invalid-password', steps: []}]})).toBeNull();
    expect(findAuthenticatedSession({error: 'unknown user'})).toBeNull();
    expect(findAuthenticatedSession(null)).toBeNull();
  });

  it('reads the ISO times the endpoint sends', () => {
    const session = findAuthenticatedSession({
      sessions: [
        {
          startedAt: '2026-01-15T12:00:05.000Z',
          status: 'connected',
          steps: [
            {at: '2026-01-15T12:00:05.000Z', method: 'authenticate', summary: 'Accepted.'},
            {at: 'garbage', method: 'x', summary: 'y'},
          ],
        },
      ],
    });
    expect(session).toEqual({
      startedAt: NOW + 5000,
      status: 'connected',
      steps: [{at: NOW + 5000, method: 'authenticate', summary: 'Accepted.'}],
    });
  });

  it('counts a session still in progress', () => {
    expect(findAuthenticatedSession({sessions: [{startedAt: 3, status: 'in-progress', steps: []}]})?.status).toBe('in-progress');
  });
});

describe('describeWait', () => {
  it('reads naturally', () => {
    expect(describeWait(1000)).toBe('1 second');
    expect(describeWait(45_000)).toBe('45 seconds');
    expect(describeWait(125_000)).toBe('2 minutes');
  });
});
