import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {SETTINGS} from '../../../src/settings';
import {readmeWithSettings} from '../../../src/settings-readme';

const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the settings list', () => {
  it("is the README's table (run npm run settings:readme after changing src/settings.ts)", () => {
    const readme = read('README.md');
    expect(readmeWithSettings(readme)).toBe(readme);
  });

  it('names every variable the endpoint configuration, the server and the site config read', () => {
    const listed = new Set(SETTINGS.flatMap((setting) => setting.names));
    const sources = ['src/endpoint/config.ts', 'src/branding.ts', 'scripts/serve.ts', 'docusaurus.config.ts', 'scripts/edge.ts'];
    const read_ = new Set<string>();
    for (const source of sources) {
      const text = read(source);
      for (const match of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\benv, '([A-Z][A-Z0-9_]+)'|process\.env\.([A-Z][A-Z0-9_]+)/g)) {
        read_.add((match[1] ?? match[2] ?? match[3])!);
      }
    }
    const missing = [...read_].filter((name) => !listed.has(name) && name !== 'NODE_ENV' && name !== 'PERF_STATS');
    expect(missing, 'variables read in the code but missing from src/settings.ts').toEqual([]);
  });

  it('is rendered on the Deploy page', () => {
    expect(read('docs/reference/deploy.mdx')).toContain('<SettingsList');
  });
});
