import {describe, expect, it} from 'vitest';
import type {SessionOutcome, SessionStep} from '../../../src/qbwc/client';
import {
  checkReducer,
  describeOutcome,
  describeStepStatus,
  formatDuration,
  initialCheckState,
  isScenario,
  scenarioOptions,
} from '../../../src/components/kit/session/check-state';
import {troubleshootingEntries} from '../../../src/qbwc/troubleshooting';

function step(method: string, status: SessionStep['status'] = 'ok', extra: Partial<SessionStep> = {}): SessionStep {
  return {method, requestXml: `<${method}/>`, status, summary: `${method} done`, durationMs: 3, ...extra} as SessionStep;
}

function outcome(result: SessionOutcome['result'], steps: SessionStep[] = [], troubleshootingCode?: string): SessionOutcome {
  return {result, steps, ...(troubleshootingCode ? {troubleshootingCode} : {})} as SessionOutcome;
}

const knownIds = new Set(troubleshootingEntries.map((entry) => entry.id));

describe('checkReducer', () => {
  it('collects steps of the current run in order and ends with the outcome', () => {
    let state = checkReducer(initialCheckState, {type: 'start', runId: 1});
    expect(state.phase).toBe('running');
    state = checkReducer(state, {type: 'step', runId: 1, step: step('serverVersion')});
    state = checkReducer(state, {type: 'step', runId: 1, step: step('clientVersion')});
    expect(state.steps.map((s) => s.method)).toEqual(['serverVersion', 'clientVersion']);
    const done = outcome('connected', [step('serverVersion'), step('clientVersion'), step('authenticate')]);
    state = checkReducer(state, {type: 'finish', runId: 1, outcome: done});
    expect(state.phase).toBe('finished');
    expect(state.outcome).toBe(done);
    expect(state.steps).toHaveLength(3);
  });

  it('ignores events from a run that was replaced or cancelled', () => {
    let state = checkReducer(initialCheckState, {type: 'start', runId: 1});
    state = checkReducer(state, {type: 'start', runId: 2});
    const stale = checkReducer(state, {type: 'step', runId: 1, step: step('authenticate')});
    expect(stale).toBe(state);
    const reset = checkReducer(state, {type: 'reset'});
    expect(reset.phase).toBe('idle');
    expect(checkReducer(reset, {type: 'finish', runId: 2, outcome: outcome('connected')})).toBe(reset);
  });

  it('records a setup failure and keeps the diagnosis of a transport failure', () => {
    let state = checkReducer(initialCheckState, {type: 'start', runId: 4});
    state = checkReducer(state, {type: 'setup-failed', runId: 4, message: 'No endpoint.'});
    expect(state).toMatchObject({phase: 'finished', setupError: 'No endpoint.', outcome: null});
    state = checkReducer(state, {type: 'start', runId: 5});
    expect(state.setupError).toBeNull();
    state = checkReducer(state, {type: 'finish', runId: 5, outcome: outcome('transport-error'), diagnosis: 'cors'});
    expect(state.diagnosis).toBe('cors');
  });
});

describe('describeOutcome', () => {
  it('reports a connected session as success with no troubleshooting link', () => {
    const report = describeOutcome(outcome('connected'), {target: 'in-page'});
    expect(report.tone).toBe('success');
    expect(report.troubleshooting).toBeUndefined();
  });

  it.each([
    ['invalid-password', 'msg-invalid-password', 'error'],
    ['busy', 'msg-postponed', 'note'],
    ['no-work', 'msg-no-data-exchange', 'note'],
    ['connection-error', 'hresult-0x80040408', 'error'],
    ['qbxml-error', 'hresult-0x80040400', 'error'],
    ['not-soap', 'msg-not-xml', 'error'],
    ['client-version-rejected', 'qbwc1037', 'error'],
    ['transport-error', 'endpoint-unreachable', 'error'],
  ] as const)('links %s to #%s', (result, id, tone) => {
    const report = describeOutcome(outcome(result), {target: 'in-page'});
    expect(report.tone).toBe(tone);
    expect(report.troubleshooting?.id).toBe(id);
    expect(report.troubleshooting?.href).toBe(`/docs/troubleshooting#${id}`);
    expect(knownIds.has(id)).toBe(true);
    expect(report.headline.length).toBeGreaterThan(10);
  });

  it('names the call a service error happened in and links its QBWC code', () => {
    const steps = [
      step('serverVersion'),
      step('clientVersion'),
      step('authenticate'),
      step('sendRequestXML', 'error', {summary: 'Fault: boom'}),
    ];
    const report = describeOutcome(outcome('service-error', steps), {target: 'custom'});
    expect(report.headline).toContain('sendRequestXML');
    expect(report.detail).toContain('Fault: boom');
    expect(report.troubleshooting?.id).toBe('qbwc1041');
    expect(
      describeOutcome(outcome('service-error', [step('authenticate', 'error')], 'QBWC1012'), {target: 'custom'}).troubleshooting
        ?.id,
    ).toBe('qbwc1012');
  });

  it('ignores the general QBWC code of a transport failure in favour of what the browser saw', () => {
    const report = describeOutcome(outcome('transport-error', [step('serverVersion', 'error')], 'QBWC1012'), {
      target: 'custom',
      diagnosis: 'network',
    });
    expect(report.troubleshooting?.id).toBe('endpoint-unreachable');
  });

  it('prefers the HRESULT the client reports over the general mapping', () => {
    const report = describeOutcome(outcome('connection-error', [], '0x80040420'), {target: 'this-site'});
    expect(report.troubleshooting?.id).toBe('hresult-0x80040420');
  });

  it('falls back to the mapping when the reported code is unknown', () => {
    const report = describeOutcome(outcome('qbxml-error', [], 'not-a-code-anyone-uses'), {target: 'this-site'});
    expect(report.troubleshooting?.id).toBe('hresult-0x80040400');
  });

  it('names an HTTP error status and links 404 to its own entry', () => {
    const notFound = describeOutcome(outcome('transport-error', [step('serverVersion', 'error', {httpStatus: 404})]), {
      target: 'custom',
    });
    expect(notFound.headline).toContain('HTTP 404');
    expect(notFound.troubleshooting?.id).toBe('msg-404');
    const serverError = describeOutcome(outcome('transport-error', [step('serverVersion', 'error', {httpStatus: 503})]), {
      target: 'custom',
    });
    expect(serverError.troubleshooting?.id).toBe('msg-http-status');
  });

  it('explains CORS as neutral news, and that the real Web Connector is not affected', () => {
    const report = describeOutcome(outcome('transport-error'), {
      target: 'custom',
      diagnosis: 'cors',
      url: 'https://svc.example/qbwc',
    });
    expect(report.troubleshooting?.id).toBe('browser-cors');
    expect(report.tone).toBe('note');
    expect(report.headline).toBe('This service cannot be checked from a browser.');
    expect(report.detail).toContain('https://svc.example/qbwc');
    const advice = report.advice.join(' ');
    expect(advice).toContain('Access-Control-Allow-Origin');
    expect(advice).toContain('SOAPAction');
    expect(advice).toMatch(/Web Connector is not a browser/);
    expect(advice).toMatch(/script below from a terminal/);
  });

  it('names the relay’s reason when this site’s server made the call', () => {
    const failed = outcome('transport-error');
    failed.steps.push({
      method: 'serverVersion',
      requestXml: '',
      status: 'error',
      summary: 'The request never got an answer: The name nowhere.example could not be found (DNS).',
      durationMs: 3,
    });
    const report = describeOutcome(failed, {target: 'custom', relayed: true, url: 'https://nowhere.example/qbwc'});
    expect(report.tone).toBe('error');
    expect(report.detail).toBe(
      "This site's server called https://nowhere.example/qbwc for you, as the Web Connector would, and got no answer: The name nowhere.example could not be found (DNS).",
    );
  });

  it('explains an unreachable custom service in words with what to try', () => {
    const report = describeOutcome(outcome('transport-error'), {
      target: 'custom',
      diagnosis: 'network',
      url: 'http://127.0.0.1:9/qbwc',
    });
    expect(report.headline).toMatch(/could not be reached/);
    expect(report.detail).toContain('http://127.0.0.1:9/qbwc');
    expect(report.troubleshooting?.id).toBe('endpoint-unreachable');
    expect(report.advice.join(' ')).toMatch(/Web Connector's log/);
  });

  it('names mixed content when an https page calls an http service', () => {
    const report = describeOutcome(outcome('transport-error'), {target: 'custom', diagnosis: 'mixed-content'});
    expect(report.headline).toMatch(/plain http/);
    expect(report.troubleshooting?.id).toBe('endpoint-unreachable');
  });
});

describe('words for steps', () => {
  it('spells every status out', () => {
    expect(['ok', 'warning', 'error'].map((s) => describeStepStatus(s as SessionStep['status']))).toEqual([
      'OK',
      'Warning',
      'Error',
    ]);
  });

  it('formats durations for people', () => {
    expect(formatDuration(4.4)).toBe('4 ms');
    expect(formatDuration(1450)).toBe('1.4 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(Number.NaN)).toBe('–');
  });

  it('offers the six scenarios the endpoint understands', () => {
    expect(scenarioOptions.map((o) => o.value)).toEqual([
      'healthy',
      'wrong-password',
      'busy',
      'no-work',
      'qb-not-running',
      'qbxml-error',
    ]);
    expect(isScenario('busy')).toBe(true);
    expect(isScenario('network')).toBe(false);
  });
});
