import {Suspense, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {PageMetadata} from '@docusaurus/theme-common';
import Layout from '@theme/Layout';
import NotFoundContent from '@theme/NotFound/Content';

/**
 * Ejected from the classic theme for one change: the content sits in a Suspense boundary, as it
 * does in src/theme/DocRoot (which loads it lazily). The server writes the boundary into 404.html,
 * so a /docs/... address that matched no doc hydrates against the same tree.
 */
export default function NotFound(): ReactNode {
  const title = translate({id: 'theme.NotFound.title', message: 'Page Not Found'});
  return (
    <>
      <PageMetadata title={title} />
      <Layout>
        <Suspense fallback={null}>
          <NotFoundContent />
        </Suspense>
      </Layout>
    </>
  );
}
