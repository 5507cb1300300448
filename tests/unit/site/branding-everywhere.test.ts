// Each BRAND_* variable, changed on its own, reaches every place that names the product: the
// site's configuration (what the pages and widgets are built with), the Node server's WSDL, support
// page and issued .qwc files, and the endpoint that runs inside the page on static hosts.
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Config} from '@docusaurus/types';
import {endpointConfigFromEnv, type SiteEndpointConfig} from '../../../src/endpoint/config';
import {createEndpoint, type Endpoint} from '../../../src/endpoint/handler';
import {startServer} from '../../../src/endpoint/node-server';
import {brandedDefaultModel} from '../../../src/components/QwcGenerator/form-state';
import {parseQwc} from '../../../src/qbwc/qwc';

const VARIABLES = {
  BRAND_PRODUCT_NAME: 'Acme Books Sync',
  BRAND_APP_NAME: 'Acme Connector',
  BRAND_SUPPORT_URL: 'https://help.acme.example/',
  BRAND_ENDPOINT_URL: 'https://qb.acme.example/soap',
} as const;
type Variable = keyof typeof VARIABLES;

async function loadSiteConfig(env: Partial<Record<Variable, string>>): Promise<Config> {
  for (const key of Object.keys(VARIABLES)) delete process.env[key];
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import('../../../docusaurus.config')).default;
}

afterEach(() => {
  for (const key of Object.keys(VARIABLES)) delete process.env[key];
});

/** What an endpoint says about itself: its WSDL, its support page and a .qwc it issues. */
async function endpointSays(fetcher: (request: Request) => Promise<Response>, base: string) {
  const wsdl = await (await fetcher(new Request(`${base}/qbwc?wsdl`))).text();
  const support = await (await fetcher(new Request(`${base}/qbwc/support`))).text();
  const issued = await fetcher(
    new Request(`${base}/qbwc/connections`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'}),
  );
  expect(issued.status).toBe(201);
  const {qwc} = (await issued.json()) as {qwc: string};
  const parsed = parseQwc(qwc);
  if (!parsed.model) throw new Error(`the issued .qwc did not parse: ${qwc}`);
  return {wsdl, support, qwc: parsed.model};
}

describe.each(Object.keys(VARIABLES) as Variable[])('%s set on its own', (variable) => {
  const value = VARIABLES[variable];
  const env = {[variable]: value};

  it('reaches the site and what its widgets are built with', async () => {
    const config = await loadSiteConfig(env);
    const site = (config.customFields as {endpoint: SiteEndpointConfig}).endpoint;
    const themeConfig = JSON.stringify(config.themeConfig);
    const generated = brandedDefaultModel(site.branding, 'https://help.example.com');
    switch (variable) {
      case 'BRAND_PRODUCT_NAME':
        expect(config.tagline).toContain(value);
        expect(themeConfig).toContain(`${value} support`);
        expect(generated.appDescription).toContain(value);
        break;
      case 'BRAND_APP_NAME':
        expect(generated.appName).toBe(value);
        break;
      case 'BRAND_SUPPORT_URL':
        expect(themeConfig).toContain(value);
        break;
      case 'BRAND_ENDPOINT_URL':
        expect(generated.appUrl).toBe(value);
        expect(generated.appSupport).toBe(`${value}/support`);
        break;
    }
  });

  it("reaches the Node server's WSDL, support page and issued .qwc, and the in-page endpoint's", async () => {
    const config = endpointConfigFromEnv(env);
    const server = await startServer({port: 0, host: '127.0.0.1', buildDir: null, config});
    const inPage: Endpoint = createEndpoint({config: {branding: config.branding, basePath: config.basePath}});
    try {
      for (const says of [
        await endpointSays((request) => fetch(request), server.url),
        await endpointSays((request) => inPage.fetch(request), 'http://localhost:3000'),
      ]) {
        switch (variable) {
          case 'BRAND_PRODUCT_NAME':
            expect(says.wsdl).toContain(`${value}: QuickBooks Web Connector test endpoint`);
            expect(says.support).toContain(`${value}: Web Connector test endpoint`);
            break;
          case 'BRAND_APP_NAME':
            expect(says.qwc.appName).toBe(`${value} test`);
            break;
          case 'BRAND_SUPPORT_URL':
            expect(says.support).toContain(`href="${value}"`);
            break;
          case 'BRAND_ENDPOINT_URL':
            // The issued .qwc is a test file: it points at this test endpoint, never at the product's own.
            expect(says.qwc.appUrl).toMatch(/\/qbwc$/);
            expect(says.qwc.appUrl).not.toContain('acme');
            break;
        }
      }
    } finally {
      await server.close();
    }
  });
});
