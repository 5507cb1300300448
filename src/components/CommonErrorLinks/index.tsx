import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {commonTroubleshootingEntries, troubleshootingHref} from '@site/src/qbwc/troubleshooting';

/** The catalogue's common errors as a list of links to their entries (the home page and "page not found"). */
export default function CommonErrorLinks(): ReactNode {
  return (
    <ul>
      {commonTroubleshootingEntries.map((entry) => (
        <li key={entry.id}>
          <Link to={troubleshootingHref(entry.id)}>{entry.title}</Link>
        </li>
      ))}
    </ul>
  );
}
