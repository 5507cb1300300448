/**
 * The test service's scenarios: how an issued test user's sessions behave. Listed once here; the
 * service, the session store, the endpoint and the widgets all read this list.
 */

/** How long a "busy" answer asks the Web Connector to wait, in seconds (sent as text, as on the wire). */
export const BUSY_POSTPONE_SECONDS = '30';

export const TEST_SCENARIO_LIST = [
  {
    id: 'healthy',
    label: 'Healthy',
    hint: 'Everything works: one request goes to QuickBooks and its answer comes back.',
    note: 'a normal session: one qbXML request, then 100% done',
  },
  {
    id: 'wrong-password',
    label: 'Wrong password',
    hint: 'The Web Connector sends a password the service does not accept.',
    note: 'authenticate always answers "nvu", as for a wrong password',
  },
  {
    id: 'busy',
    label: 'Busy',
    hint: 'The service asks the Web Connector to come back later.',
    note: `authenticate answers "busy" and postpones the update by ${BUSY_POSTPONE_SECONDS} seconds`,
  },
  {
    id: 'no-work',
    label: 'No work to do',
    hint: 'The service has nothing to send this time.',
    note: 'authenticate answers "none" (no data exchange required)',
  },
  {
    id: 'qb-not-running',
    label: 'QuickBooks not running',
    hint: 'QuickBooks cannot be started for the company file.',
    note: 'authenticate names a company file QuickBooks cannot open, so the Web Connector calls connectionError',
  },
  {
    id: 'qbxml-error',
    label: 'qbXML error',
    hint: 'QuickBooks cannot read the request the service sends.',
    note: 'sendRequestXML returns qbXML QuickBooks cannot parse (0x80040400)',
  },
] as const satisfies readonly {id: string; label: string; hint: string; note: string}[];

/** What the issued user's sessions will do: every issued user keeps one scenario for its lifetime. */
export type TestScenario = (typeof TEST_SCENARIO_LIST)[number]['id'];

export const TEST_SCENARIOS: readonly TestScenario[] = TEST_SCENARIO_LIST.map((scenario) => scenario.id);

export function isTestScenario(value: unknown): value is TestScenario {
  return typeof value === 'string' && (TEST_SCENARIOS as readonly string[]).includes(value);
}

/** What the service does in a scenario, in a short phrase (e.g. for an issued file's description). */
export function scenarioNote(scenario: TestScenario): string {
  return TEST_SCENARIO_LIST.find((entry) => entry.id === scenario)?.note ?? scenario;
}
