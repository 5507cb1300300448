import {useCallback, useMemo, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import type {PrismTheme} from 'prism-react-renderer';
import type * as PrismApi from 'prismjs';
import {tokensByLine, type LineToken} from './lines';
import {stylesFor, tokenStyle} from './styles';

interface LinePropsInput {
  line: LineToken[];
  className?: string;
  style?: CSSProperties;
  [attribute: string]: unknown;
}

interface TokenPropsInput {
  token: LineToken;
  className?: string;
  style?: CSSProperties;
  [attribute: string]: unknown;
}

export interface RenderProps {
  tokens: LineToken[][];
  className: string;
  style: CSSProperties;
  getLineProps: (input: LinePropsInput) => Record<string, unknown> & {className: string; style?: CSSProperties};
  getTokenProps: (
    input: TokenPropsInput,
  ) => Record<string, unknown> & {className: string; children: string; style?: CSSProperties};
}

export interface HighlightProps {
  code: string;
  language: string;
  theme?: PrismTheme;
  prism: typeof PrismApi;
  children: (props: RenderProps) => ReactNode;
}

/**
 * Draws code highlighted by the given Prism: the props and render function of prism-react-renderer's
 * `Highlight`, so the theme's code blocks draw through it unchanged (see ./index.tsx).
 */
export function Highlight({code, language, theme, prism, children}: HighlightProps): ReactNode {
  const lang = language.toLowerCase();
  const styles = useMemo(() => stylesFor(theme, lang), [theme, lang]);
  const tokens = useMemo(() => {
    const grammar = prism.languages[lang];
    if (!grammar) return tokensByLine(code);
    const env = {code, grammar, language: lang, tokens: [] as ReturnType<typeof prism.tokenize>};
    prism.hooks.run('before-tokenize', env);
    env.tokens = prism.tokenize(env.code, env.grammar);
    prism.hooks.run('after-tokenize', env);
    return tokensByLine(env.tokens);
  }, [prism, code, lang]);
  const getLineProps = useCallback<RenderProps['getLineProps']>(
    ({line: _line, className, style, ...rest}) => ({
      ...rest,
      className: clsx('token-line', className),
      style: style || theme ? {...styles.plain, ...style} : undefined,
    }),
    [styles, theme],
  );
  const getTokenProps = useCallback<RenderProps['getTokenProps']>(
    ({token, className, style, ...rest}) => {
      const own = tokenStyle(styles, token);
      return {
        ...rest,
        className: clsx('token', ...token.types, className),
        children: token.content,
        style: style ? {...own, ...style} : own,
      };
    },
    [styles],
  );
  return children({tokens, className: `prism-code language-${lang}`, style: styles.root ?? {}, getLineProps, getTokenProps});
}
