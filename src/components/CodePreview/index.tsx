import {useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import {Highlight} from '@site/src/code-highlighting';
import {usePrismTheme} from '@docusaurus/theme-common';
import {withReadableContrast} from './readable-theme';
import styles from './styles.module.css';

interface Props {
  code: string;
  /** One of the site's Prism languages (themeConfig.prism.additionalLanguages); 'markup' covers XML. */
  language?: string;
  /** Names the region for assistive technology, e.g. "Preview of the .qwc file". */
  label: string;
}

/**
 * Read-only, syntax-highlighted code with the site's own Prism theme, so it follows light and
 * dark mode like the code blocks in the guides. When a line is wider than the box, a note says so
 * (scroll bars may be hidden until used) and offers to wrap long lines; the block is focusable so
 * keyboard users can scroll it.
 */
export default function CodePreview({code, language = 'markup', label}: Props): ReactNode {
  const siteTheme = usePrismTheme();
  const theme = useMemo(() => withReadableContrast(siteTheme), [siteTheme]);
  const labelId = useId();
  const wrapId = useId();
  const pre = useRef<HTMLPreElement>(null);
  const [wrap, setWrap] = useState(false);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const element = pre.current;
    if (!element) return undefined;
    // The observer's first report, after the block is laid out, is the first measure: read at
    // once, the widths would lay out a preview the browser is still skipping (content-visibility).
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [code, wrap]);

  return (
    <figure className={styles.figure}>
      <figcaption id={labelId} className={styles.caption}>
        {label}
      </figcaption>
      <Highlight code={code} language={language} theme={theme}>
        {({className, style, tokens, getLineProps, getTokenProps}) => (
          <pre
            ref={pre}
            className={`${className} ${styles.pre} ${wrap ? styles.wrapped : ''}`}
            style={style}
            tabIndex={0}
            role="region"
            aria-labelledby={labelId}>
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
      {(overflows || wrap) && (
        <p className={styles.overflowNote}>
          {wrap ? null : <>Some lines are wider than the box: scroll it sideways to read them, or </>}
          <span className={styles.wrapToggle}>
            <input id={wrapId} type="checkbox" checked={wrap} onChange={(event) => setWrap(event.target.checked)} />{' '}
            <label htmlFor={wrapId}>Wrap long lines</label>
          </span>
        </p>
      )}
    </figure>
  );
}
