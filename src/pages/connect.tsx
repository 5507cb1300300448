import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

export default function Connect(): ReactNode {
  return (
    <Layout title="Connect QuickBooks Desktop">
      <main className="container margin-vert--lg">
        <Heading as="h1">Connect QuickBooks Desktop</Heading>
        <p>The guided connection flow is being built.</p>
      </main>
    </Layout>
  );
}
