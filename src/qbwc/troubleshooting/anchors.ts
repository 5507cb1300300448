/**
 * Every anchor support may link (the catalogue's entries, its sections, kept old anchors and the
 * guides' headings), which entry explains each connection-check outcome, and the short list of
 * common errors. The list of anchors grows only: never rename or remove one.
 */
import {troubleshootingEntries} from './entries';
import {TROUBLESHOOTING_PATH} from '../troubleshooting-path';

const guideAnchors: readonly {path: string; ids: readonly string[]}[] = [
  {path: '/docs', ids: ['what-you-need', 'path-through-the-guides']},
  {path: '/docs/setup/prerequisites', ids: ['checklist', 'verify-data', 'open-web-connector', 'install-web-connector']},
  {
    path: '/docs/setup/configure-connector',
    ids: [
      'download-qwc',
      'add-application',
      'application-certificate',
      'authorize-access',
      'check-new-row',
      'replace-prompt',
      'multi-user-mode',
    ],
  },
  {path: '/docs/setup/authenticate-connector', ids: ['enter-password', 'auto-run', 'run-first-update', 'wait-for-connection']},
  {
    path: '/docs/reauthorize',
    ids: [
      'when-to-reauthorize',
      'remove-app',
      'restart-connector',
      'reapprove',
      'multi-user-mode',
      'new-password-per-company-file',
      'several-company-files',
      'replace-qwc',
    ],
  },
  {
    path: '/updates/connector-certificate-expiry',
    ids: [
      'what-changed',
      'what-to-do',
      'new-users',
      'existing-users',
      'qb-open-connected-file',
      'qb-open-different-file',
      'qb-closed',
      'certificate-troubleshooting',
      'managing-existing-connections',
      'wrong-company-approved',
      'access-denied',
    ],
  },
  // Integrators' pages: support links an element's rule or a method's conventions too.
  {
    path: '/docs/reference/qwc-file',
    ids: [
      'example',
      'file-format',
      'structure',
      'encoding',
      'serving',
      'elements',
      'qbwcxml',
      'appname',
      'appid',
      'appurl',
      'appdescription',
      'appsupport',
      'username',
      'ownerid',
      'fileid',
      'qbtype',
      'scheduler',
      'runeverynminutes',
      'runeverynseconds',
      'isreadonly',
      'personaldatapref',
      'unattendedmodepref',
      'authflags',
      'notify',
      'appdisplayname',
      'appuniquename',
      'certurl',
      'style',
      'common-mistakes',
    ],
  },
  {
    path: '/docs/reference/web-connector-protocol',
    ids: [
      'session-sequence',
      'transport',
      'methods',
      'serverversion',
      'clientversion',
      'authenticate',
      'authenticate-result',
      'sendrequestxml',
      'receiveresponsexml',
      'connectionerror',
      'getlasterror',
      'closeconnection',
      'getinteractiveurl',
      'interactivedone',
      'interactiverejected',
      'pitfalls',
    ],
  },
  {
    path: '/docs/reference/test-endpoint',
    ids: ['run-the-endpoint', 'real-web-connector', 'get-credentials', 'scenarios', 'http-api', 'connections-api', 'limits'],
  },
  {path: '/docs/tools/qwc-generator', ids: ['inspect', 'generate', 'fields']},
  {path: '/docs/tools/password-check', ids: ['check', 'verify', 'generate']},
  {path: '/docs/tools/connection-check', ids: ['run', 'scenarios', 'own-service']},
  {path: '/docs/tools/log-reader', ids: ['tool', 'find-the-log', 'what-it-shows', 'share', 'verbose']},
];

/** The h2 sections of the troubleshooting page, linkable too (for example "everything about adding the app"). */
export const troubleshootingSections: readonly {id: string; title: string}[] = [
  {id: 'how-to-use', title: 'How to use this page'},
  {id: 'index', title: 'Find your error'},
  {id: 'messages', title: 'Messages you may see'},
  {id: 'adding-the-application', title: 'Adding the application'},
  {id: 'web-connector-settings', title: 'Passwords, log file and the application list'},
  {id: 'during-an-update', title: 'During an update'},
  {id: 'hresult-codes', title: 'HRESULT codes from QuickBooks'},
  {id: 'connection-and-network', title: 'Connection and network'},
  {id: 'still-stuck', title: 'Still stuck'},
];

/**
 * Published troubleshooting anchors whose entry was folded into another: each still exists on the page
 * (a note at the top of the entry it now points to) so old links land on the fix.
 */
export const keptAnchors: readonly {id: string; entryId: string}[] = [
  // "Timed out communicating with QuickBooks Desktop (QBD)" was never a real message.
  {id: 'msg-timed-out-qbd', entryId: 'timed-out-communicating'},
];

/** Every anchor support may link, on any page. Grows only: never rename or remove one. */
export const supportAnchors: readonly {path: string; id: string}[] = [
  ...troubleshootingEntries.map((e) => ({path: TROUBLESHOOTING_PATH, id: e.id})),
  ...keptAnchors.map((a) => ({path: TROUBLESHOOTING_PATH, id: a.id})),
  ...troubleshootingSections.map((s) => ({path: TROUBLESHOOTING_PATH, id: s.id})),
  ...guideAnchors.flatMap((page) => page.ids.map((id) => ({path: page.path, id}))),
];

export type ConnectionScenario =
  'wrong-password' | 'busy' | 'no-work' | 'qb-not-running' | 'qbxml-error' | 'network' | 'cors' | 'http-error' | 'not-soap';

/** Which entry explains each outcome of the connection check. */
export const anchorForScenario: Record<ConnectionScenario, string> = {
  'wrong-password': 'msg-invalid-password',
  busy: 'msg-postponed',
  'no-work': 'msg-no-data-exchange',
  'qb-not-running': 'hresult-0x80040408',
  'qbxml-error': 'hresult-0x80040400',
  network: 'endpoint-unreachable',
  cors: 'browser-cors',
  'http-error': 'msg-http-status',
  'not-soap': 'msg-not-xml',
};

/**
 * The errors people at the QuickBooks PC meet most often, most frequent first: the short lists on
 * the home page, at the top of the troubleshooting page and on the "page not found" page.
 */
export const commonTroubleshootingIds: readonly string[] = [
  'qbwc1039',
  'msg-invalid-password',
  'hresult-0x80040408',
  'unable-to-open-company-file',
  'msg-integrated-applications',
  'msg-wrong-company-file',
  'qbwc1012',
  'timed-out-communicating',
  'msg-wc-not-running',
  'msg-no-data-exchange',
];
