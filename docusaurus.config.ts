import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {endpointConfigFromEnv, siteEndpointConfig} from './src/endpoint/config';
import {accessibleDarkCodeTheme, accessibleLightCodeTheme} from './src/prism-themes';
import endpointDevServer from './src/plugins/endpoint-dev-server';
import markdownCopyCleanup from './src/plugins/markdown-copy-cleanup';
import {pageRedirects} from './src/redirects';
import bundleStats from './scripts/perf/bundle-stats-plugin';
import lazyCodeHighlighting from './src/plugins/lazy-code-highlighting';
import preactClient from './src/plugins/preact-client';
import compileHints from './src/plugins/compile-hints';
import themePatches from './src/plugins/theme-patches';
import routeScriptsInHtml from './src/plugins/route-scripts-in-html';
import scriptGroups from './src/plugins/script-groups';
import deferredBlocks from './src/plugins/deferred-blocks';
import serverOnlyModules from './src/plugins/server-only-modules';
import servedText from './src/plugins/served-text';
import localSearchQueries from './src/plugins/local-search-queries';
import {ssrTemplate} from './src/ssr-template';

// Everything that depends on the environment is read here, once, and named.
// The endpoint's configuration is the server's (the same function `npm run serve` calls), so the
// pages, the widgets and the in-page endpoint name the same product at the same addresses.
const endpoint = siteEndpointConfig(endpointConfigFromEnv(process.env));
const {branding} = endpoint;
const siteUrl = process.env.SITE_URL || 'http://localhost:3000';
const algolia =
  process.env.ALGOLIA_APP_ID && process.env.ALGOLIA_SEARCH_API_KEY && process.env.ALGOLIA_INDEX_NAME
    ? {
        appId: process.env.ALGOLIA_APP_ID,
        apiKey: process.env.ALGOLIA_SEARCH_API_KEY,
        indexName: process.env.ALGOLIA_INDEX_NAME,
      }
    : undefined;

const config = {
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
  customFields: {endpoint, searchProvider: algolia ? 'algolia' : 'local'},

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          routeBasePath: 'docs',
          // "Last updated" under each guide, from the date of the page's last git commit.
          showLastUpdateTime: true,
          // Each top-level paragraph, list and table hydrates in a short slice of its own.
          recmaPlugins: [deferredBlocks],
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

  // Scripts load after the first paint (see src/ssr-template.ts).
  ssrTemplate,
  clientModules: [
    './src/client/moved-anchors.ts',
    './src/client/idle-prefetch.ts',
    './src/client/not-found-search.ts',
    './src/client/isolated-page-load.ts',
  ],
  plugins: [
    endpointDevServer,
    ['@docusaurus/plugin-client-redirects', {redirects: [...pageRedirects]}],
    bundleStats,
    preactClient,
    compileHints,
    themePatches,
    routeScriptsInHtml,
    scriptGroups,
    serverOnlyModules,
    servedText,
    lazyCodeHighlighting,
    // With the local search: error codes found however they are typed, one result per section.
    ...(algolia ? [] : [localSearchQueries]),
    // /llms.txt and a Markdown copy of every guide and update (docs/setup/prerequisites.md), made from
    // the built HTML so shared steps and the product name come out as readers see them.
    [
      '@signalwire/docusaurus-plugin-llms-txt',
      {
        siteDescription: 'Setup guides, error fixes and tools for the QuickBooks Web Connector.',
        depth: 2,
        onRouteError: 'throw',
        includeOrder: [
          '/docs',
          '/docs/setup/**',
          '/docs/reauthorize',
          '/docs/troubleshooting',
          '/docs/tools/**',
          '/docs/reference/**',
        ],
        content: {
          includeBlog: true,
          includePages: false,
          relativePaths: false,
          enableLlmsFullTxt: false,
          // Lists of posts, tags and the search page only repeat what the pages themselves say.
          excludeRoutes: ['/search', '/updates', '/updates/archive', '/updates/authors', '/updates/tags', '/updates/tags/**'],
          beforeDefaultRehypePlugins: [markdownCopyCleanup],
        },
      },
    ],
  ],

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
            // The plugin skips the post list and tag pages but took the archive and authors pages as
            // posts: lists of post titles, indexed with an empty title, that only repeat the posts.
            ignoreFiles: [/^updates\/(archive|authors|page)(\/|$)/],
            explicitSearchResultPath: true,
            highlightSearchTermsOnTargetPage: false,
            searchResultLimits: 10,
            // Characters of a heading or text a suggestion shows (50 by default): enough for the
            // longest entry title, 79 characters, to show whole instead of ending in "…".
            searchResultContextMaxLength: 80,
            searchBarShortcutHint: true,
          },
        ],
      ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    metadata: [{name: 'description', content: 'Setup guides, error fixes and live tools for the QuickBooks Web Connector.'}],
    navbar: {
      title: 'Web Connector Help',
      // The mark before the title is drawn by src/theme/Logo, from static/img/logo.svg.
      items: [
        {type: 'docSidebar', sidebarId: 'guides', position: 'left', label: 'Guides'},
        {type: 'docSidebar', sidebarId: 'troubleshooting', position: 'left', label: 'Troubleshooting'},
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
            {label: 'Log reader', to: '/docs/tools/log-reader'},
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
      // Every grammar the site highlights (src/code-highlighting/prism.ts loads only these).
      additionalLanguages: ['markup', 'json', 'bash', 'powershell'],
    },
    ...(algolia ? {algolia: {...algolia, contextualSearch: true}} : {}),
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
