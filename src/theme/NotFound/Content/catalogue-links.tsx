import {useEffect, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useLocation} from '@docusaurus/router';
import CommonErrorLinks from '@site/src/components/CommonErrorLinks';
import {suggestedTroubleshootingTarget, type SuggestedTarget} from '@site/src/mistyped-address';
import styles from './styles.module.css';

/** "Did you mean …?" when the address ends in an error code or an entry's anchor (/docs/qbwc1039). */
export function Suggestion(): ReactNode {
  const {pathname} = useLocation();
  // The address is known only in the browser (404.html is built once for every unknown path).
  const [suggestion, setSuggestion] = useState<SuggestedTarget | undefined>(undefined);
  useEffect(() => setSuggestion(suggestedTroubleshootingTarget(pathname)), [pathname]);
  if (!suggestion) return null;
  return (
    <p className={styles.suggestion}>
      Did you mean <Link to={suggestion.href}>{suggestion.entry ? suggestion.entry.title : suggestion.href}</Link>?
    </p>
  );
}

/** The catalogue's common errors, each linked to its entry. */
export function CommonErrors(): ReactNode {
  return (
    <section aria-labelledby="not-found-common-errors">
      <h2 id="not-found-common-errors">Common errors</h2>
      <CommonErrorLinks />
    </section>
  );
}
