import {settingsMarkdownTable} from './settings';

const START = /<!-- settings:start[^>]*-->/;
const END = '<!-- settings:end -->';

/** The README text with the table between its settings markers made from src/settings.ts. */
export function readmeWithSettings(readme: string): string {
  const start = START.exec(readme);
  const end = readme.indexOf(END);
  if (!start || end < start.index) throw new Error('README.md has no <!-- settings:start --> ... <!-- settings:end --> markers.');
  const head = readme.slice(0, start.index + start[0].length);
  return `${head}\n${settingsMarkdownTable()}\n${readme.slice(end)}`;
}
