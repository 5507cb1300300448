import type {CSSProperties} from 'react';
import type {PrismTheme} from 'prism-react-renderer';
import type {LineToken} from './lines';

export type Styles = Record<string, CSSProperties | undefined>;

/** Style per token type for one language; `root` styles the block, `plain` a line (no background). */
export function stylesFor(theme: PrismTheme | undefined, language: string): Styles {
  if (!theme) return {};
  const styles: Styles = {};
  for (const {types, style, languages} of theme.styles) {
    if (languages && !languages.includes(language as never)) continue;
    for (const type of types) styles[type] = {...styles[type], ...(style as CSSProperties)};
  }
  styles.root = theme.plain as CSSProperties;
  styles.plain = {...(theme.plain as CSSProperties), backgroundColor: undefined};
  return styles;
}

/** A token's inline style: its types' styles merged; an empty line's token keeps its height. */
export function tokenStyle(styles: Styles, {types, empty}: LineToken): CSSProperties | undefined {
  const keepsHeight = empty ? {display: 'inline-block'} : undefined;
  if (types.length === 1 && types[0] === 'plain') return keepsHeight;
  return Object.assign({}, keepsHeight, ...types.map((type) => styles[type]));
}
