import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Config} from '@docusaurus/types';

const KEYS = ['ALGOLIA_APP_ID', 'ALGOLIA_SEARCH_API_KEY', 'ALGOLIA_INDEX_NAME', 'BRAND_PRODUCT_NAME'] as const;

async function loadConfig(env: Partial<Record<(typeof KEYS)[number], string>>): Promise<Config> {
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import('../../../docusaurus.config')).default;
}

afterEach(() => {
  for (const key of KEYS) delete process.env[key];
});

describe('docusaurus.config', () => {
  it('fails the build on broken links and anchors', async () => {
    const config = await loadConfig({});
    expect(config.onBrokenLinks).toBe('throw');
    expect(config.onBrokenAnchors).toBe('throw');
  });

  it('searches offline with a local index when no Algolia keys are set', async () => {
    const config = await loadConfig({});
    expect(JSON.stringify(config.themes)).toContain('@easyops-cn/docusaurus-search-local');
    expect((config.themeConfig as {algolia?: unknown}).algolia).toBeUndefined();
    expect((config.customFields as {searchProvider: string}).searchProvider).toBe('local');
  });

  it('switches to Algolia DocSearch when all three keys are set', async () => {
    const config = await loadConfig({ALGOLIA_APP_ID: 'APP', ALGOLIA_SEARCH_API_KEY: 'search-key', ALGOLIA_INDEX_NAME: 'qbwc'});
    expect(config.themes).toEqual([]);
    expect((config.themeConfig as {algolia?: {appId: string; indexName: string}}).algolia).toMatchObject({
      appId: 'APP',
      indexName: 'qbwc',
    });
    expect((config.customFields as {searchProvider: string}).searchProvider).toBe('algolia');
  });

  it('stays offline when only some Algolia keys are set', async () => {
    const config = await loadConfig({ALGOLIA_APP_ID: 'APP'});
    expect((config.themeConfig as {algolia?: unknown}).algolia).toBeUndefined();
  });

  it('takes the product name from the one branding setting', async () => {
    const config = await loadConfig({BRAND_PRODUCT_NAME: 'Acme Books Sync'});
    expect((config.customFields as {endpoint: {branding: {productName: string}}}).endpoint.branding.productName).toBe(
      'Acme Books Sync',
    );
    expect(config.tagline).toContain('Acme Books Sync');
  });
});
