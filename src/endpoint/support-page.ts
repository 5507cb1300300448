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
  unpairedTags: ['meta', 'link', 'img'],
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

// The help center's look in a few lines: its green, its logo mark, light and dark.
const STYLE =
  'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:44rem;margin:0 auto;padding:0 1rem 2rem;color:#1c1e21;background:#fff}' +
  'header{display:flex;align-items:center;gap:.6rem;padding:1rem 0;border-bottom:1px solid #dadde1;margin-bottom:1.5rem}' +
  'header a{font-weight:700;text-decoration:none;color:inherit}header img{width:32px;height:32px}' +
  'a{color:#1b5e38}code{background:#eef1f5;padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}' +
  'footer{margin-top:2rem;border-top:1px solid #dadde1;padding-top:1rem;font-size:.9rem}footer nav{display:flex;gap:1.5rem}' +
  '@media (prefers-color-scheme:dark){body{color:#e3e3e3;background:#1b1b1d}a{color:#7fd1a0}code{background:#2b2d31}header,footer{border-color:#444950}}';

/** "Tuesday, 1 December 2026 at 14:30:05 UTC": a time a person reads, in the time zone it names. */
export function readableTime(epochMs: number): string {
  return new Intl.DateTimeFormat('en-GB', {dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC'}).format(new Date(epochMs));
}

function lastSyncText(options: SupportPageOptions): unknown {
  const who = options.userName ? `for ${options.userName} ` : '';
  const session = options.lastSession;
  if (!session) {
    return options.userName
      ? `No session has run ${who}yet, or the user is unknown.`
      : 'No session has run since this endpoint started.';
  }
  return {
    '#text': `The last session ${who}started on `,
    time: {'@_datetime': new Date(session.startedAt).toISOString(), '#text': readableTime(session.startedAt)},
    span: ` and was ${STATUS_WORDS[session.status]}. Its last call was ${session.lastMethod}.`,
  };
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
        link: {'@_rel': 'icon', '@_href': '/img/favicon.svg', '@_type': 'image/svg+xml'},
        title,
        style: STYLE,
      },
      body: {
        header: {
          img: {'@_src': '/img/logo.svg', '@_alt': ''},
          a: {'@_href': '/', '#text': `${options.productName} Web Connector help`},
        },
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
        footer: {
          nav: {
            '@_aria-label': 'Help center',
            a: [
              {'@_href': '/', '#text': 'Back to the help center'},
              {'@_href': '/docs/troubleshooting', '#text': 'Troubleshooting'},
            ],
          },
          p: help,
        },
      },
    },
  }) as string;
  return `<!DOCTYPE html>${html}`;
}
