import {useId, useLayoutEffect, useRef, type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type {Props} from '@theme/NotFound/Content';
import {TROUBLESHOOTING_PATH} from '@site/src/qbwc/troubleshooting-path';
import {serverRenderedPart} from '@site/src/components/kit/serverRenderedPart';
import SuggestionOnServer from './suggestion.server';
import CommonErrorsOnServer from './common-errors.server';
import {SEARCH_FORM_ATTRIBUTE, takeTypedSearch} from './typed-search';
import styles from './styles.module.css';

// The parts made from the troubleshooting catalogue load on their own, so a doc page can carry
// this content (it is drawn when an address under /docs matches no doc) without the catalogue.
const Suggestion = serverRenderedPart<object>(() => import('./catalogue-links').then((parts) => ({default: parts.Suggestion})), {
  server: SuggestionOnServer,
  fallback: () => null,
});
const CommonErrors = serverRenderedPart<object>(
  () => import('./catalogue-links').then((parts) => ({default: parts.CommonErrors})),
  {
    server: CommonErrorsOnServer,
    fallback: () => null,
  },
);

/**
 * The "page not found" page (ejected from the classic theme): a way forward instead of "contact
 * the owner". A search form that works without JavaScript (GET /search?q=), the common errors from
 * the catalogue, the catalogue and the guides, and, when the address ends in an error code or an
 * entry's anchor (/docs/qbwc1039), a visible "Did you mean" link to that entry. Never a silent
 * redirect: the reader sees the address was wrong and where the link goes.
 */
export default function NotFoundContent({className}: Props): ReactNode {
  const searchId = useId();
  // Words typed before the code took over, when this content replaces the served box (see
  // typed-search.ts). Read once the new box is in the page, before it is painted: the served box
  // is followed until it is taken out, so nothing typed while this rendered is missed either.
  const searchBox = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const box = searchBox.current;
    const typed = takeTypedSearch();
    if (!box) return;
    if (typed.text !== '' && box.value !== typed.text) box.value = typed.text;
    if (typed.focused && document.activeElement !== box) {
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    }
  }, []);
  const searchAction = useBaseUrl('/search');

  return (
    <main className={clsx('container margin-vert--xl', styles.main, className)}>
      <h1>We could not find that page</h1>
      <p className={styles.lead}>
        The address may be mistyped, or the page may have moved. Search the help center, or start from one of the links below.
      </p>
      <Suggestion />
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
            required
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
      <CommonErrors />
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
