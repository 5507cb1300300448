/** The endpoint as a Cloudflare Worker, run in workerd by Miniflare, driven by the mock Web Connector. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {buildWorker, startEdge, type RunningEdge} from '../../../scripts/edge-runtime';
import {createFetchTransport} from '../../../src/components/kit/test-endpoint';
import {runSession} from '../../../src/qbwc/client';
import {TEST_SCENARIOS} from '../../../src/qbwc/session-store';
import {EXPECTED_OUTCOMES} from '../../../scripts/fuzz/expected-outcomes';

let edge: RunningEdge;
let assetsDir: string;

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'qbwc-edge-assets-'));
  writeFileSync(join(assetsDir, 'index.html'), '<!DOCTYPE html><title>Help center</title><h1>Static page from assets</h1>');
  edge = await startEdge({assetsDir});
}, 60_000);

afterAll(async () => {
  await edge?.close();
  rmSync(assetsDir, {recursive: true, force: true});
});

describe('the Worker bundle', () => {
  it('carries no Node-only module: only the Worker runtime import is left outside it', async () => {
    const {metafile} = await buildWorker();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.endsWith('src/endpoint/worker.ts'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('node:') || input.includes('node_modules/@types/node'))).toEqual([]);
    const leftOut = Object.values(metafile.outputs).flatMap((output) => output.imports.map((imported) => imported.path));
    expect(leftOut).toEqual(['cloudflare:workers']);
  });
});

describe('the endpoint in workerd', () => {
  it.each(TEST_SCENARIOS)(
    'runs the %s scenario through the Worker, sessions in the Durable Object',
    async (scenario) => {
      const issuing = await fetch(`${edge.url}/qbwc/connections`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({scenario}),
      });
      expect(issuing.status).toBe(201);
      const issued = (await issuing.json()) as {userName: string; password: string; qwc: string};
      expect(issued.qwc).toContain(`<AppURL>${edge.url.replace('127.0.0.1', 'localhost')}/qbwc</AppURL>`);
      const outcome = await runSession(createFetchTransport(`${edge.url}/qbwc`), {...issued, noOpDelayMs: 0});
      expect(outcome.result).toBe(EXPECTED_OUTCOMES[scenario].result);
      expect(outcome.troubleshootingCode).toBe(EXPECTED_OUTCOMES[scenario].code);
      for (const step of outcome.steps) expect(step.httpStatus).toBe(200);
      const log = (await (await fetch(`${edge.url}/qbwc/sessions?user=${issued.userName}`)).json()) as {
        sessions: unknown[];
        failedLogins: unknown[];
      };
      expect(log.sessions.length + log.failedLogins.length).toBe(1);
    },
    30_000,
  );

  it('keeps credentials and sessions in durable storage: a restarted object still knows them', async () => {
    const persistDir = mkdtempSync(join(tmpdir(), 'qbwc-edge-storage-'));
    try {
      const before = await startEdge({persistDir});
      const issued = (await (await fetch(`${before.url}/qbwc/connections`, {method: 'POST', body: ''})).json()) as {
        userName: string;
        password: string;
      };
      await before.close();
      const after = await startEdge({persistDir});
      try {
        const outcome = await runSession(createFetchTransport(`${after.url}/qbwc`), {...issued, noOpDelayMs: 0});
        expect(outcome.result).toBe('connected');
      } finally {
        await after.close();
      }
    } finally {
      rmSync(persistDir, {recursive: true, force: true});
    }
  }, 60_000);

  it('answers the WSDL and health, and serves the static site as assets', async () => {
    const wsdl = await fetch(`${edge.url}/qbwc?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toContain('<soap:address location="http://127.0.0.1');
    const health = (await (await fetch(`${edge.url}/qbwc/health`)).json()) as {status: string; credentials: number};
    expect(health.status).toBe('ok');
    expect(health.credentials).toBeGreaterThan(0);
    const page = await fetch(`${edge.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Static page from assets');
  });
});
