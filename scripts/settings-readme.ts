// Rewrites the README's settings table from src/settings.ts (between the settings:start and
// settings:end markers). tests/unit/site/settings.test.ts fails when the two differ.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {readmeWithSettings} from '../src/settings-readme';

const file = join(__dirname, '..', 'README.md');
const before = readFileSync(file, 'utf8');
const after = readmeWithSettings(before);
if (after === before) console.log('README.md settings table is up to date.');
else {
  writeFileSync(file, after);
  console.log('README.md settings table rewritten from src/settings.ts.');
}
