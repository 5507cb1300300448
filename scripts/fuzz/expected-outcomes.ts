import type {SessionResult} from '../../src/qbwc/client';
import type {TestScenario} from '../../src/qbwc/service';

/** What the mock Web Connector must conclude for each test scenario, and the code it reports. */
export const EXPECTED_OUTCOMES: Record<TestScenario, {result: SessionResult; code?: string}> = {
  healthy: {result: 'connected'},
  'no-work': {result: 'no-work', code: 'none'},
  busy: {result: 'busy', code: 'busy'},
  'wrong-password': {result: 'invalid-password', code: 'nvu'},
  'qb-not-running': {result: 'connection-error', code: '0x80040408'},
  'qbxml-error': {result: 'qbxml-error', code: '0x80040400'},
};
