import type {ReactNode} from 'react';
import {SETTINGS, SETTING_USE_WORDS, type Setting, type SettingUse} from '@site/src/settings';

/** Text with `backticks` shown as code, the one piece of Markdown the settings use. */
function withCode(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/)
    .map((part, index) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={index}>{part.slice(1, -1)}</code> : part,
    );
}

interface Props {
  /** Only the settings read by one of these (all when left out). */
  readBy?: readonly SettingUse[];
}

/** The project's settings (src/settings.ts) as a list, for the Deploy page: `<SettingsList readBy={['node', 'worker']} />`. */
export default function SettingsList({readBy}: Props): ReactNode {
  const shown = readBy ? SETTINGS.filter((setting: Setting) => setting.readBy.some((use) => readBy.includes(use))) : SETTINGS;
  return (
    <ul>
      {shown.map((setting) => (
        <li key={setting.names.join()}>
          {setting.names.map((name, index) => (
            <span key={name}>
              {index > 0 && ', '}
              <strong>
                <code>{name}</code>
              </strong>
            </span>
          ))}{' '}
          ({withCode(setting.readBy.map((use) => SETTING_USE_WORDS[use]).join(', '))}; default {withCode(setting.default)}):{' '}
          {withCode(setting.description)}
        </li>
      ))}
    </ul>
  );
}
