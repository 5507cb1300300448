/**
 * Every environment variable the project reads, in one list: the README's settings table and the
 * Deploy page's settings list are made from it (tests/unit/site/settings.test.ts keeps the README's
 * copy in step; `npm run settings:readme` rewrites it). Pure data, so the site can render it.
 */
export type SettingUse = 'build' | 'node' | 'worker' | 'edge' | 'tools';

export interface Setting {
  /** The variable, or variables that go together. */
  names: readonly string[];
  /** Where it is read: the build, the Node server (`npm run serve`, and `npm start` for the endpoint), the Worker, `npm run edge`, scripts and tests. */
  readBy: readonly SettingUse[];
  /** What happens without it. */
  default: string;
  /** What it does, in a sentence or two (Markdown: backticks for code). */
  description: string;
}

export const SETTING_USE_WORDS: Readonly<Record<SettingUse, string>> = {
  build: 'build',
  node: 'Node server',
  worker: 'Worker',
  edge: '`npm run edge`',
  tools: 'scripts and tests',
};

export const SETTINGS: readonly Setting[] = [
  {
    names: ['SITE_URL'],
    readBy: ['build'],
    default: '`http://localhost:3000`',
    description:
      "The site's public address: the sitemap, canonical links, RSS/Atom feeds and social cards point here. Set it for every production build.",
  },
  {
    names: ['BRAND_PRODUCT_NAME'],
    readBy: ['build', 'node', 'worker'],
    default: '`LedgerBridge`',
    description: "The product people connect QuickBooks to, in every sentence, the WSDL and the endpoint's support page.",
  },
  {
    names: ['BRAND_APP_NAME'],
    readBy: ['build', 'node', 'worker'],
    default: '`LedgerBridge Sync`',
    description: 'The AppName of generated .qwc files; issued test files add "test" to it.',
  },
  {
    names: ['BRAND_SUPPORT_URL'],
    readBy: ['build', 'node', 'worker'],
    default: '`https://support.example.com/`',
    description: "Where readers get human help: the site's footer, page feedback and the endpoint's support page.",
  },
  {
    names: ['BRAND_ENDPOINT_URL'],
    readBy: ['build'],
    default: '`/qbwc`',
    description: "The endpoint a generated .qwc points at; a relative path means this site's own origin.",
  },
  {
    names: ['PORT', 'HOST'],
    readBy: ['node', 'edge'],
    default: '`3000` (`8787` for the edge), `127.0.0.1`',
    description:
      'Where the server listens; `HOST=0.0.0.0` accepts connections from other machines, for example a proxy on another host.',
  },
  {
    names: ['PUBLIC_ORIGIN'],
    readBy: ['node', 'worker'],
    default: "the request's own address",
    description:
      'The origin written into the WSDL and issued .qwc files, such as `https://connect.example.com` (no path); https also turns on HSTS. Set it whenever users come through a proxy, so no request header can choose the address your users are sent to.',
  },
  {
    names: ['TRUST_PROXY'],
    readBy: ['node', 'worker'],
    default: 'off',
    description:
      '`1` believes the last `X-Forwarded-Host`/`X-Forwarded-Proto` value and counts the last `X-Forwarded-For` address as the client. Only behind a proxy that sets those headers itself; anyone can forge them.',
  },
  {
    names: ['MAX_CONNECTIONS'],
    readBy: ['node'],
    default: '`1024`',
    description: 'Open connections accepted at once; more are refused.',
  },
  {
    names: ['MAX_BODY_BYTES'],
    readBy: ['node', 'worker'],
    default: '`1048576`',
    description: 'The largest request body accepted; a larger one gets 413.',
  },
  {
    names: ['BUILD_DIR', 'SERVE_STATIC'],
    readBy: ['node'],
    default: '`build`, `1`',
    description: 'The build to serve; `SERVE_STATIC=0` serves the endpoint alone, for when a CDN serves the site.',
  },
  {
    names: ['REDIS_URL'],
    readBy: ['node'],
    default: 'none (sessions in memory)',
    description:
      'For example `redis://127.0.0.1:6379`: keep credentials and sessions in Redis, so several instances share them and a restart loses none.',
  },
  {
    names: ['CONNECTIONS_CORS_ORIGINS'],
    readBy: ['node', 'worker'],
    default: 'none',
    description:
      "Other sites (comma-separated origins) allowed to request test connections from a visitor's browser. The site the endpoint serves never needs to be listed.",
  },
  {
    names: ['FEEDBACK_FILE'],
    readBy: ['node'],
    default: 'none (answers not recorded)',
    description:
      'A file to which the server appends each "Was this page helpful?" answer, one JSON line with the time, the page\'s path and yes or no; not even the visitor\'s address is kept. Without it, and on a static host, the widget says the answer stays in the browser.',
  },
  {
    names: ['RELAY_ALLOW_LOOPBACK'],
    readBy: ['node'],
    default: 'off',
    description:
      "`1` lets the connection check's relay call services on this computer (http://localhost too): for development and the tests only. Without it the relay calls public https addresses only.",
  },
  {
    names: ['ALGOLIA_APP_ID', 'ALGOLIA_SEARCH_API_KEY', 'ALGOLIA_INDEX_NAME'],
    readBy: ['build'],
    default: 'offline search',
    description: 'Use Algolia DocSearch instead of the offline index built with the site.',
  },
  {
    names: ['ALGOLIA_ADMIN_API_KEY'],
    readBy: ['tools'],
    default: 'none',
    description: '`npm run search:push` pushes one record per page section, keyed by its anchor.',
  },
  {
    names: ['CHROME_PATH'],
    readBy: ['tools'],
    default: '`/usr/bin/chromium`',
    description: 'The Chromium the end-to-end tests and `npm run perf` drive.',
  },
  {
    names: ['E2E_PORT'],
    readBy: ['tools'],
    default: '`4173`',
    description: 'The port the end-to-end tests serve the build on.',
  },
];

/** The settings as a Markdown table (the README's copy). */
export function settingsMarkdownTable(settings: readonly Setting[] = SETTINGS): string {
  const rows = settings.map(
    (setting) =>
      `| ${setting.names.map((name) => `\`${name}\``).join(', ')} | ${setting.readBy.map((use) => SETTING_USE_WORDS[use]).join(', ')} | ${setting.default} | ${setting.description} |`,
  );
  return ['| Setting | Read by | Default | What it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
