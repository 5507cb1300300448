import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import semver from 'semver';

const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {engines: {node: string}};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, {engines?: {node?: string} | string[]; dev?: boolean; optional?: boolean}>;
};

describe('the Node version the README and package.json promise', () => {
  it('is one every installed package accepts, so npm install prints no EBADENGINE', () => {
    const oldest = semver.minVersion(pkg.engines.node);
    expect(oldest).not.toBeNull();
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.optional && entry.engines && !Array.isArray(entry.engines))
      .filter(([, entry]) => {
        const range = (entry.engines as {node?: string}).node;
        return range !== undefined && !semver.satisfies(oldest ?? '0.0.0', range);
      })
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')} wants node ${(entry.engines as {node?: string}).node}`);
    expect(refusing).toEqual([]);
  });

  it('is the one the README names', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Node ${semver.minVersion(pkg.engines.node)?.version} or later`);
  });
});
