import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useBranding from '@site/src/components/kit/useBranding';
import CommonErrorLinks from '@site/src/components/CommonErrorLinks';
import styles from './index.module.css';

interface Path {
  title: string;
  who: string;
  to: string;
  cta: string;
}

export default function Home(): ReactNode {
  const {productName} = useBranding();
  const paths: Path[] = [
    {
      title: 'Set up the Web Connector',
      who: 'For the person at the QuickBooks computer',
      to: '/docs/setup/prerequisites',
      cta: 'Start the setup guide',
    },
    {
      title: 'Fix an error',
      who: 'For anyone who just saw a QBWC code or message',
      to: '/docs/troubleshooting',
      cta: 'Open the troubleshooting catalogue',
    },
    {
      title: 'Build and test a connector',
      who: 'For integrators writing a Web Connector service',
      to: '/docs/tools/qwc-generator',
      cta: 'Open the .qwc generator',
    },
  ];
  return (
    <Layout description="Setup guides, error fixes and live tools for the QuickBooks Web Connector.">
      <main className={styles.main}>
        <Heading as="h1">QuickBooks Web Connector help</Heading>
        <p className={styles.lead}>Connect QuickBooks Desktop to {productName}, keep it syncing, and fix what goes wrong.</p>
        <ul className={styles.paths}>
          {paths.map((path) => (
            <li key={path.to} className={styles.card}>
              <Heading as="h2">{path.title}</Heading>
              <p>{path.who}</p>
              <Link className="button button--primary" to={path.to}>
                {path.cta}
              </Link>
            </li>
          ))}
        </ul>
        <section aria-labelledby="common-errors" className={styles.common}>
          <Heading as="h2" id="common-errors">
            Common errors
          </Heading>
          <CommonErrorLinks />
          <p>
            Have the Web Connector’s log? The <Link to="/docs/tools/log-reader">log reader</Link> finds the errors in it.
          </p>
          <p>
            Read the latest notice: <Link to="/updates/connector-certificate-expiry">the connector certificate update</Link>.
          </p>
        </section>
      </main>
    </Layout>
  );
}
