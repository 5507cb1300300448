import {describe, expect, it} from 'vitest';
import {createEndpoint} from '../../../src/endpoint/handler';
import {runSession, type Transport} from '../../../src/qbwc/client';
import {describeOutcome, scenarioOptions, type Scenario} from '../../../src/components/kit/session/check-state';
import {issueConnection} from '../../../src/components/kit/test-endpoint';
import {findAuthenticatedSession} from '../../../src/components/ConnectionFlow/flow-state';

// The widget's whole path without a browser: issue a user through the endpoint, run the session, describe it.
function inMemory() {
  const endpoint = createEndpoint();
  const transport: Transport = async ({body, soapAction}) => {
    const response = await endpoint.handle({
      method: 'POST',
      url: '/qbwc',
      headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapAction},
      body,
    });
    return {status: response.status, contentType: response.headers['content-type'] ?? '', body: response.body};
  };
  return {endpoint, transport};
}

const expected: Record<Scenario, {result: string; tone: string; anchor?: string}> = {
  healthy: {result: 'connected', tone: 'success'},
  'wrong-password': {result: 'invalid-password', tone: 'error', anchor: 'msg-invalid-password'},
  busy: {result: 'busy', tone: 'note', anchor: 'msg-postponed'},
  'no-work': {result: 'no-work', tone: 'note', anchor: 'msg-no-data-exchange'},
  'qb-not-running': {result: 'connection-error', tone: 'error', anchor: 'hresult-0x80040408'},
  'qbxml-error': {result: 'qbxml-error', tone: 'error', anchor: 'hresult-0x80040400'},
};

describe('each scenario, end to end against the bundled endpoint', () => {
  it.each(scenarioOptions.map((option) => option.value))('%s', async (scenario) => {
    const {endpoint, transport} = inMemory();
    const connection = await issueConnection((request) => endpoint.fetch(request), 'http://localhost:3000/qbwc', scenario);
    expect(connection.scenario).toBe(scenario);
    const seen: string[] = [];
    const outcome = await runSession(transport, {userName: connection.userName, password: connection.password}, (step) =>
      seen.push(step.method),
    );
    expect(seen).toEqual(outcome.steps.map((step) => step.method));
    expect(seen.slice(0, 3)).toEqual(['serverVersion', 'clientVersion', 'authenticate']);
    expect(seen[seen.length - 1]).toBe('closeConnection');

    const report = describeOutcome(outcome, {target: 'in-page'});
    expect(outcome.result).toBe(expected[scenario].result);
    expect(report.tone).toBe(expected[scenario].tone);
    expect(report.troubleshooting?.id).toBe(expected[scenario].anchor);

    // The connection flow's poll sees the session whenever the password was accepted.
    const sessions = await endpoint.fetch(new Request(`http://localhost:3000/qbwc/sessions?user=${connection.userName}`));
    const heard = findAuthenticatedSession(await sessions.json());
    expect(heard !== null).toBe(scenario !== 'wrong-password');
  });
});
