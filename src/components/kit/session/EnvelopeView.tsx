import {useMemo, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import {formatXml} from './pretty-xml';
import styles from './styles.module.css';

interface Props {
  title: string;
  xml: string | undefined;
  /** Shown instead of the code when there is no envelope (the call got no answer). */
  emptyText: string;
}

/** One SOAP envelope: indented, highlighted, scrollable, with the code block's own Copy button. */
export default function EnvelopeView({title, xml, emptyText}: Props): ReactNode {
  const pretty = useMemo(() => (xml === undefined ? undefined : formatXml(xml)), [xml]);
  if (pretty === undefined || pretty === '') {
    return (
      <div className={styles.envelope}>
        <p className={styles.envelopeTitle}>{title}</p>
        <p className={styles.envelopeEmpty}>{emptyText}</p>
      </div>
    );
  }
  return (
    <div className={styles.envelope}>
      <CodeBlock language="xml" title={title}>
        {pretty}
      </CodeBlock>
    </div>
  );
}
