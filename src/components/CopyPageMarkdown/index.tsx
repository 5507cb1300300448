import {useEffect, useRef, useState, type ReactNode} from 'react';
import {useLocation} from '@docusaurus/router';
import {copyText} from '../kit/clipboard';
import {looksLikeMarkdown, markdownUrlFor} from './markdown-url';
import styles from './styles.module.css';

type CopyState = 'idle' | 'working' | 'copied' | 'unavailable' | 'blocked';

const messages: Record<CopyState, string> = {
  idle: '',
  working: 'Fetching the Markdown copy…',
  copied: 'Copied this page as Markdown.',
  unavailable: 'The Markdown copy of this page is made when the site is built; it is not available here.',
  blocked: 'Your browser did not allow copying. Open the Markdown copy and copy it from there.',
};

/** How long the "Copied" message stays, as in the copy-link buttons. */
const ANNOUNCE_MS = 4000;

/**
 * "Copy page as Markdown" for a guide: fetches the Markdown copy the build writes beside the page
 * (by the llms.txt plugin) and puts it on the clipboard, for pasting into an assistant or a ticket.
 * The status line is a polite live region, so screen readers hear the result.
 */
export default function CopyPageMarkdown(): ReactNode {
  const {pathname} = useLocation();
  const url = markdownUrlFor(pathname);
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => setState('idle'), [pathname]);

  async function handleClick(): Promise<void> {
    clearTimeout(timer.current);
    setState('working');
    let body: string;
    try {
      const response = await fetch(url);
      body = response.ok ? await response.text() : '';
      if (!response.ok || !looksLikeMarkdown(response.headers.get('content-type'), body)) {
        setState('unavailable');
        return;
      }
    } catch {
      setState('unavailable');
      return;
    }
    if (await copyText(body)) {
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), ANNOUNCE_MS);
    } else {
      setState('blocked');
    }
  }

  return (
    <div className={styles.bar} data-print="hide">
      <button
        type="button"
        className="button button--sm button--secondary"
        onClick={() => void handleClick()}
        disabled={state === 'working'}>
        Copy page as Markdown
      </button>
      <a className={styles.viewLink} href={url}>
        View as Markdown
      </a>
      <p role="status" className={styles.status}>
        {messages[state]}
      </p>
    </div>
  );
}
