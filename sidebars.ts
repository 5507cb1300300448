import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// One sidebar per area: the guides a bookkeeper follows, the error catalogue, the tools, and the integrator's reference.
const sidebars: SidebarsConfig = {
  guides: [
    'index',
    {
      type: 'category',
      label: 'Set up the Web Connector',
      collapsed: false,
      items: ['setup/prerequisites', 'setup/configure-connector', 'setup/authenticate-connector'],
    },
    'reauthorize',
  ],
  // Its own area, so the navbar marks only "Troubleshooting" as active on it, not "Guides" too.
  troubleshooting: ['troubleshooting'],
  tools: ['tools/qwc-generator', 'tools/password-check', 'tools/connection-check', 'tools/log-reader'],
  reference: ['reference/qwc-file', 'reference/web-connector-protocol', 'reference/test-endpoint', 'reference/deploy'],
};

export default sidebars;
