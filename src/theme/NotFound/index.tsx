import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {HtmlClassNameProvider, PageMetadata} from '@docusaurus/theme-common';
import Layout from '@theme/Layout';
import NotFoundContent from '@theme/NotFound/Content';
import {NOT_FOUND_PAGE_CLASS} from '@site/src/not-found-page';

/**
 * Ejected from the classic theme for one change: the served page names itself on <html>, so the
 * browser draws an address that has no page anew instead of hydrating 404.html as if it were that
 * address's page (see src/plugins/preact-client/root.ts).
 */
export default function NotFound(): ReactNode {
  const title = translate({id: 'theme.NotFound.title', message: 'Page Not Found'});
  return (
    <HtmlClassNameProvider className={NOT_FOUND_PAGE_CLASS}>
      <PageMetadata title={title} />
      <Layout>
        <NotFoundContent />
      </Layout>
    </HtmlClassNameProvider>
  );
}
