import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useLocation} from '@docusaurus/router';
import type {Props} from '@theme/NotFound/Content';
import {commonTroubleshootingEntries, TROUBLESHOOTING_PATH, troubleshootingHref} from '@site/src/qbwc/troubleshooting';
import {suggestedTroubleshootingTarget, type SuggestedTarget} from '@site/src/mistyped-address';
import {SEARCH_FORM_ATTRIBUTE, takeTypedSearch} from './typed-search';
import styles from './styles.module.css';

/**
 * The "page not found" page (ejected from the classic theme): a way forward instead of "contact
 * the owner". A search form that works without JavaScript (GET /search?q=), the common errors from
 * the catalogue, the catalogue and the guides, and, when the address ends in an error code or an
 * entry's anchor (/docs/qbwc1039), a visible "Did you mean" link to that entry. Never a silent
 * redirect: the reader sees the address was wrong and where the link goes.
 */
export default function NotFoundContent({className}: Props): ReactNode {
  const {pathname} = useLocation();
  const searchId = useId();
  // Words typed before the code took over, when this content replaces the served box (see typed-search.ts).
  const [typed] = useState(takeTypedSearch);
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const box = searchBox.current;
    if (!box || !typed.focused || document.activeElement === box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, [typed]);
  const searchAction = useBaseUrl('/search');
  // The address is known only in the browser (404.html is built once for every unknown path).
  const [suggestion, setSuggestion] = useState<SuggestedTarget | undefined>(undefined);
  useEffect(() => setSuggestion(suggestedTroubleshootingTarget(pathname)), [pathname]);

  return (
    <main className={clsx('container margin-vert--xl', styles.main, className)}>
      <h1>We could not find that page</h1>
      <p className={styles.lead}>
        The address may be mistyped, or the page may have moved. Search the help center, or start from one of the links below.
      </p>
      {suggestion && (
        <p className={styles.suggestion}>
          Did you mean <Link to={suggestion.href}>{suggestion.entry ? suggestion.entry.title : suggestion.href}</Link>?
        </p>
      )}
      <form
        className={styles.search}
        action={searchAction}
        method="get"
        role="search"
        aria-label="Search the help center"
        {...{[SEARCH_FORM_ATTRIBUTE]: ''}}>
        <label htmlFor={searchId} className={styles.label}>
          Search for an error code, a message or a topic
        </label>
        <div className={styles.searchRow}>
          <input
            ref={searchBox}
            id={searchId}
            className={styles.input}
            type="search"
            name="q"
            placeholder="For example, QBWC1039"
            defaultValue={typed.text}
            required
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
      <section aria-labelledby="not-found-common-errors">
        <h2 id="not-found-common-errors">Common errors</h2>
        <ul>
          {commonTroubleshootingEntries.map((entry) => (
            <li key={entry.id}>
              <Link to={troubleshootingHref(entry.id)}>{entry.title}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="not-found-more">
        <h2 id="not-found-more">Other places to start</h2>
        <ul>
          <li>
            <Link to={TROUBLESHOOTING_PATH}>The troubleshooting catalogue</Link>: every Web Connector code and message.
          </li>
          <li>
            <Link to="/docs">The guides</Link>: set up, configure and reauthorize the Web Connector.
          </li>
          <li>
            <Link to="/docs/tools/log-reader">The log reader</Link>: find the errors in a QWCLog.txt.
          </li>
        </ul>
      </section>
    </main>
  );
}
