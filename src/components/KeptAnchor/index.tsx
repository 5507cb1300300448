import type {ReactNode} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import styles from './styles.module.css';

interface Props {
  /** A published anchor that no longer has a heading of its own; links to it land on this note. */
  id: string;
  children: ReactNode;
}

/**
 * Keeps an old support anchor working after its entry was folded into another one: the note carries
 * the id (registered with the broken-anchor check, which only sees headings by itself) and says why
 * the reader landed here.
 */
export default function KeptAnchor({id, children}: Props): ReactNode {
  useBrokenLinks().collectAnchor(id);
  return (
    <div id={id} className={styles.keptAnchor}>
      {children}
    </div>
  );
}
