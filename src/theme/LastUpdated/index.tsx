import type {ReactNode} from 'react';
import {ThemeClassNames} from '@docusaurus/theme-common';
import type {Props} from '@theme/LastUpdated';
import {formatPageDate} from '@site/src/page-dates';

/**
 * "Last updated on Dec 1, 2026" under a guide, as the theme writes it, but with the date spelled
 * out by formatPageDate instead of an Intl formatter made during hydration (see src/page-dates.ts).
 * The docs take their dates from git; no author is shown.
 */
export default function LastUpdated({lastUpdatedAt}: Props): ReactNode {
  if (!lastUpdatedAt) return null;
  const at = new Date(lastUpdatedAt);
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      Last updated on{' '}
      <b>
        <time dateTime={at.toISOString()} itemProp="dateModified">
          {formatPageDate(at, 'short')}
        </time>
      </b>
    </span>
  );
}
