import {useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {copyText} from '../kit/clipboard';
import styles from './styles.module.css';

interface Props {
  /** The id of the heading the link points at. */
  id: string;
  /** The heading's text, for the button's accessible name. */
  headingText: string;
  className?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

/** How long "Link copied" stays on screen (and in the live region). */
const ANNOUNCE_MS = 3000;

/**
 * A small "Copy link" button for a heading. Copies the page URL with the heading's anchor, says so in a
 * polite live region, and shows the URL in a field to copy by hand when the browser allows no copying.
 * Render it only in the browser.
 */
export default function CopyLinkButton({id, headingText, className}: Props): ReactNode {
  const [state, setState] = useState<CopyState>('idle');
  const [url, setUrl] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const manualRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (state === 'manual') manualRef.current?.select();
  }, [state]);

  async function handleClick(): Promise<void> {
    const link = `${window.location.origin}${window.location.pathname}#${id}`;
    setUrl(link);
    clearTimeout(timer.current);
    const copied = await copyText(link);
    if (copied) {
      // The textarea fallback moves focus away; keyboard users should stay on the button.
      buttonRef.current?.focus();
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), ANNOUNCE_MS);
    } else {
      setState('manual');
    }
  }

  return (
    <div className={clsx(styles.copyLink, className)} data-print="hide">
      <div className={styles.controls}>
        <button
          ref={buttonRef}
          type="button"
          className={styles.button}
          aria-label={`Copy link to ${headingText}`}
          onClick={() => void handleClick()}>
          Copy link
        </button>
        <span role="status" aria-live="polite" className={styles.status}>
          {state === 'copied' ? 'Link copied' : state === 'manual' ? 'Copy the link below by hand' : ''}
        </span>
      </div>
      {state === 'manual' && (
        <input
          ref={manualRef}
          className={styles.manual}
          type="text"
          readOnly
          value={url}
          aria-label={`Link to copy for ${headingText}`}
          onFocus={(event) => event.currentTarget.select()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setState('idle');
              buttonRef.current?.focus();
            }
          }}
        />
      )}
    </div>
  );
}
