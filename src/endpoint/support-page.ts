/**
 * The AppSupport page of issued test connections. The Web Connector fetches it when a .qwc is
 * added and refuses the file unless it answers 200 (QBWC1003), and Intuit suggests it show the
 * result of the last sync, so it does.
 */
import {XMLBuilder} from 'fast-xml-parser';
import type {SessionSummary} from '../qbwc/service';
import type {SessionStatus} from '../qbwc/session-store';

export interface SupportPageOptions {
  productName: string;
  /** Where people get human help (branding). */
  helpUrl?: string;
  endpointUrl: string;
  wsdlUrl: string;
  healthUrl: string;
  lastSession?: SessionSummary;
  /** When the page was asked about one user (?user=), whose session `lastSession` is. */
  userName?: string;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
  unpairedTags: ['meta'],
  suppressUnpairedNode: true,
  format: false,
});

const STATUS_WORDS: Record<SessionStatus, string> = {
  'in-progress': 'still in progress',
  connected: 'finished: QuickBooks answered every request',
  'no-work': 'finished: no data exchange was required',
  busy: 'postponed: the service answered "busy"',
  'invalid-password': 'refused: the password did not match ("nvu")',
  'connection-error': 'stopped: QuickBooks could not open the company file',
  'qbxml-error': 'stopped: QuickBooks could not process the request',
  expired: 'expired before it finished',
};

const STYLE =
  'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1c1e21;background:#fff}' +
  'a{color:#1a5fb4}code{background:#eef1f5;padding:0 .25rem;border-radius:3px}' +
  '@media (prefers-color-scheme:dark){body{color:#e3e3e3;background:#1b1b1d}a{color:#8ab4f8}code{background:#2b2d31}}';

function lastSyncText(options: SupportPageOptions): string {
  const who = options.userName ? `for ${options.userName} ` : '';
  const session = options.lastSession;
  if (!session) {
    return options.userName
      ? `No session has run ${who}yet, or the user is unknown.`
      : 'No session has run since this endpoint started.';
  }
  return `The last session ${who}started at ${new Date(session.startedAt).toISOString()} (UTC) and was ${STATUS_WORDS[session.status]}. Its last call was ${session.lastMethod}.`;
}

export function renderSupportPage(options: SupportPageOptions): string {
  const title = `${options.productName}: Web Connector test endpoint`;
  const help = options.helpUrl
    ? {'#text': `For help with ${options.productName}, visit `, a: {'@_href': options.helpUrl, '#text': options.helpUrl}}
    : `For help, contact the ${options.productName} support team.`;
  const html = builder.build({
    html: {
      '@_lang': 'en',
      head: {
        meta: [{'@_charset': 'utf-8'}, {'@_name': 'viewport', '@_content': 'width=device-width, initial-scale=1'}],
        title,
        style: STYLE,
      },
      body: {
        main: {
          h1: title,
          p: [
            `This address belongs to a QuickBooks Web Connector test service run by ${options.productName}. It answers the Web Connector's SOAP calls for test connections, so you can check that the Web Connector, QuickBooks and your network work together before connecting real data.`,
            'The Web Connector opens this page when a .qwc file is added; it must answer, and it does. Nothing here needs to be changed.',
          ],
          section: [
            {h2: 'Last sync', p: lastSyncText(options)},
            {
              h2: 'Addresses',
              ul: {
                li: [
                  {'#text': 'SOAP endpoint (the AppURL): ', code: options.endpointUrl},
                  {'#text': 'Service description: ', a: {'@_href': options.wsdlUrl, '#text': 'WSDL'}},
                  {'#text': 'Status: ', a: {'@_href': options.healthUrl, '#text': 'health check'}},
                ],
              },
            },
          ],
        },
        footer: {p: help},
      },
    },
  }) as string;
  return `<!DOCTYPE html>${html}`;
}
