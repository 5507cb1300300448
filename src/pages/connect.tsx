import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useBranding from '@site/src/components/kit/useBranding';
import ConnectionFlow from '@site/src/components/ConnectionFlow';

export default function Connect(): ReactNode {
  const {productName, appName} = useBranding();
  return (
    <Layout
      title="Connect QuickBooks Desktop"
      description={`Connect QuickBooks Desktop to ${productName} with the Web Connector, step by step: checklist, .qwc file, password and first update.`}>
      <main className="container margin-vert--lg" style={{maxWidth: '60rem'}}>
        <Heading as="h1">Connect QuickBooks Desktop</Heading>
        <div className="markdown">
          <p>
            <strong>This sets up a test connection.</strong> In five steps, your QuickBooks Web Connector is connected to{' '}
            {productName}&apos;s test service, with a .qwc file and password made for you here. It proves that the Web Connector,
            QuickBooks Desktop and your company file work together, and it changes nothing in the company file: the test service
            only asks QuickBooks for the company&apos;s name and address. QuickBooks shows it as <strong>{appName} test</strong>.
          </p>
          <p>
            Do the steps on the Windows computer where QuickBooks Desktop runs, with this page open beside the Web Connector. Your
            progress is kept in this browser, so you can come back to it. Your live {productName} connection uses the .qwc file{' '}
            {productName} sends you, added the same way.
          </p>
          <p>
            Prefer to read first? The <Link to="/docs/setup/prerequisites">setup guides</Link> explain each step with pictures of
            every window.
          </p>
        </div>
        <ConnectionFlow />
      </main>
    </Layout>
  );
}
