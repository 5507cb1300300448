import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_ONLY = {
  group: [
    'node:*',
    'fs',
    'fs/*',
    'path',
    'crypto',
    'http',
    'https',
    'net',
    'os',
    'buffer',
    'child_process',
    'stream',
    'zlib',
    'url',
  ],
  message: 'Browser code uses no Node-only module.',
};
const REACT_AND_SITE = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@docusaurus/*',
  '@theme/*',
  '@theme-original/*',
  '@site/*',
];

export default tseslint.config(
  {ignores: ['build/', '.docusaurus/', 'node_modules/', 'test-results/', 'playwright-report/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    plugins: {'react-hooks': reactHooks},
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
  {
    // CommonJS so that both the ESM scripts and Playwright's CommonJS config loader can load it.
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs'},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // Playwright fixtures call a function named `use`, which is not a React hook.
    files: ['tests/e2e/**/*.ts'],
    rules: {'react-hooks/rules-of-hooks': 'off'},
  },
  {
    // Code that runs in the browser (widgets, pages, theme, client modules, the domain core and the
    // web-standard endpoint) uses no Node-only module or global. Docusaurus's own type packages pull
    // in @types/node, so tsconfig.browser.json cannot catch this on its own; this rule does.
    files: [
      'src/components/**/*.{ts,tsx}',
      'src/pages/**/*.{ts,tsx}',
      'src/theme/**/*.{ts,tsx}',
      'src/client/**/*.ts',
      'src/qbwc/**/*.ts',
      'src/endpoint/**/*.ts',
      'src/*.ts',
    ],
    ignores: ['src/endpoint/node-*.ts', 'src/endpoint/inline-script-hashes.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: [NODE_ONLY]}],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'],
    },
  },
  {
    // The domain core runs in the browser and on the server: no React, no Docusaurus, no Node-only modules.
    files: ['src/qbwc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_ONLY,
            {group: REACT_AND_SITE, message: 'src/qbwc stays free of React and of the site.'},
            {group: ['**/components/**', '**/endpoint/**'], message: 'src/qbwc imports neither the widgets nor the endpoint.'},
          ],
        },
      ],
    },
  },
  {
    // The endpoint is a Web-standard handler plus its Node homes: it uses src/qbwc, never React or the widgets.
    files: ['src/endpoint/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {group: REACT_AND_SITE, message: 'src/endpoint uses no React or Docusaurus module.'},
            {group: ['**/components/**', '**/pages/**', '**/theme/**'], message: 'src/endpoint never imports the site.'},
          ],
        },
      ],
    },
  },
  {
    // Its web-standard part also runs in the browser and on an edge runtime.
    files: ['src/endpoint/**/*.ts'],
    ignores: ['src/endpoint/node-*.ts', 'src/endpoint/inline-script-hashes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_ONLY,
            {group: REACT_AND_SITE, message: 'src/endpoint uses no React or Docusaurus module.'},
            {group: ['**/components/**', '**/pages/**', '**/theme/**'], message: 'src/endpoint never imports the site.'},
            {group: ['./node-*', '**/endpoint/node-*'], message: 'The web-standard endpoint never imports its Node home.'},
          ],
        },
      ],
    },
  },
  {
    // Widgets are thin React over src/qbwc: no Node-only modules, and only the endpoint's browser copy.
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_ONLY,
            {
              group: ['**/endpoint/*', '!**/endpoint/browser-endpoint', '!**/endpoint/config'],
              message:
                'Widgets reach the endpoint only through src/endpoint/browser-endpoint (or over HTTP), and read its settings from src/endpoint/config.',
            },
            {group: ['**/pages/**', '**/plugins/**'], message: 'Widgets never import pages or build plugins.'},
            {
              // A widget's files are its own: what two widgets share lives in src/components/kit.
              group: ['../*/**', '!../kit/**', '!../../**', '@site/src/components/*/**', '!@site/src/components/kit/**'],
              message: "A widget never imports another widget's files; move what they share to src/components/kit.",
            },
          ],
        },
      ],
    },
  },
);
