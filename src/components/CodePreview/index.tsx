import {useId, useMemo, type ReactNode} from 'react';
import {Highlight} from 'prism-react-renderer';
import {usePrismTheme} from '@docusaurus/theme-common';
import {withReadableContrast} from './readable-theme';
import styles from './styles.module.css';

interface Props {
  code: string;
  /** A Prism language bundled with prism-react-renderer; 'markup' covers XML. */
  language?: string;
  /** Names the region for assistive technology, e.g. "Preview of the .qwc file". */
  label: string;
}

/**
 * Read-only, syntax-highlighted code with the site's own Prism theme, so it follows light and
 * dark mode like the code blocks in the guides. The block is focusable so keyboard users can
 * scroll it when a line is wider than the screen.
 */
export default function CodePreview({code, language = 'markup', label}: Props): ReactNode {
  const siteTheme = usePrismTheme();
  const theme = useMemo(() => withReadableContrast(siteTheme), [siteTheme]);
  const labelId = useId();
  return (
    <figure className={styles.figure}>
      <figcaption id={labelId} className={styles.caption}>
        {label}
      </figcaption>
      <Highlight code={code} language={language} theme={theme}>
        {({className, style, tokens, getLineProps, getTokenProps}) => (
          <pre className={`${className} ${styles.pre}`} style={style} tabIndex={0} role="region" aria-labelledby={labelId}>
            <code>
              {tokens.map((line, lineIndex) => (
                <span key={lineIndex} {...getLineProps({line})}>
                  {line.map((token, tokenIndex) => (
                    <span key={tokenIndex} {...getTokenProps({token})} />
                  ))}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        )}
      </Highlight>
    </figure>
  );
}
