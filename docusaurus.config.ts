import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {brandingFromEnv} from './src/branding';
import {accessibleDarkCodeTheme, accessibleLightCodeTheme} from './src/prism-themes';
import endpointDevServer from './src/plugins/endpoint-dev-server';
import bundleStats from './scripts/perf/bundle-stats-plugin';
import preactClient from './src/plugins/preact-client';
import lazyCodeHighlighting from './src/plugins/lazy-code-highlighting';

// Everything that depends on the environment is read here, once, and named.
const branding = brandingFromEnv(process.env);
const siteUrl = process.env.SITE_URL || 'http://localhost:3000';
const algolia =
  process.env.ALGOLIA_APP_ID && process.env.ALGOLIA_SEARCH_API_KEY && process.env.ALGOLIA_INDEX_NAME
    ? {
        appId: process.env.ALGOLIA_APP_ID,
        apiKey: process.env.ALGOLIA_SEARCH_API_KEY,
        indexName: process.env.ALGOLIA_INDEX_NAME,
      }
    : undefined;

const config: Config = {
  title: 'QuickBooks Web Connector Help Center',
  tagline: `Connect QuickBooks Desktop to ${branding.productName}, fix what goes wrong, and test your own endpoint.`,
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: {v4: true},
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},
  i18n: {defaultLocale: 'en', locales: ['en']},
  customFields: {branding, searchProvider: algolia ? 'algolia' : 'local'},

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          routeBasePath: 'docs',
        },
        blog: {
          routeBasePath: 'updates',
          path: 'blog',
          blogTitle: 'Updates',
          blogDescription: 'Dated notices about the Web Connector, certificates and this help center.',
          blogSidebarTitle: 'All updates',
          blogSidebarCount: 'ALL',
          showReadingTime: true,
          feedOptions: {type: ['rss', 'atom'], title: 'Web Connector updates', xslt: false},
          onInlineAuthors: 'ignore',
          onUntruncatedBlogPosts: 'throw',
        },
        theme: {customCss: './src/css/custom.css'},
        sitemap: {changefreq: 'weekly', priority: 0.5},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [[endpointDevServer, {productName: branding.productName}], bundleStats, preactClient, lazyCodeHighlighting],

  themes: algolia
    ? []
    : [
        [
          '@easyops-cn/docusaurus-search-local',
          {
            hashed: true,
            indexDocs: true,
            indexBlog: true,
            indexPages: false,
            docsRouteBasePath: 'docs',
            blogRouteBasePath: 'updates',
            explicitSearchResultPath: true,
            highlightSearchTermsOnTargetPage: false,
            searchResultLimits: 10,
            searchBarShortcutHint: true,
          },
        ],
      ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    metadata: [{name: 'description', content: 'Setup guides, error fixes and live tools for the QuickBooks Web Connector.'}],
    navbar: {
      title: 'Web Connector Help',
      logo: {alt: '', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'guides', position: 'left', label: 'Guides'},
        {to: '/docs/troubleshooting', label: 'Troubleshooting', position: 'left'},
        {type: 'docSidebar', sidebarId: 'tools', position: 'left', label: 'Tools'},
        {type: 'docSidebar', sidebarId: 'reference', position: 'left', label: 'Reference'},
        {to: '/updates', label: 'Updates', position: 'left'},
        {to: '/connect', label: 'Connect', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Guides',
          items: [
            {label: 'Prerequisites', to: '/docs/setup/prerequisites'},
            {label: 'Reauthorize', to: '/docs/reauthorize'},
            {label: 'Troubleshooting', to: '/docs/troubleshooting'},
          ],
        },
        {
          title: 'Tools',
          items: [
            {label: '.qwc generator', to: '/docs/tools/qwc-generator'},
            {label: 'Password check', to: '/docs/tools/password-check'},
            {label: 'Connection check', to: '/docs/tools/connection-check'},
          ],
        },
        {
          title: 'More',
          items: [
            {label: 'Updates (RSS)', href: `${siteUrl}/updates/rss.xml`},
            {label: `${branding.productName} support`, href: branding.supportUrl},
          ],
        },
      ],
      copyright: `QuickBooks is a trademark of Intuit Inc. This help center is not affiliated with Intuit.`,
    },
    prism: {
      theme: accessibleLightCodeTheme,
      darkTheme: accessibleDarkCodeTheme,
      additionalLanguages: ['powershell', 'bash'],
    },
    ...(algolia ? {algolia: {...algolia, contextualSearch: true}} : {}),
  } satisfies Preset.ThemeConfig,
};

export default config;
