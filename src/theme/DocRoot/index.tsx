import {lazy, Suspense, type ReactNode} from 'react';
import clsx from 'clsx';
import {HtmlClassNameProvider, ThemeClassNames} from '@docusaurus/theme-common';
import {DocsSidebarProvider, useDocRootMetadata} from '@docusaurus/plugin-content-docs/client';
import DocRootLayout from '@theme/DocRoot/Layout';
import type {Props} from '@theme/DocRoot';

// Ejected from the classic theme for one change: the "page not found" content (src/theme/NotFound/Content)
// carries the common errors and the whole catalogue for "Did you mean", so a doc page loads it only
// when its address matched no doc. The 404.html page renders it through @theme/NotFound, not here.
const NotFoundContent = lazy(() => import('@theme/NotFound/Content'));

function DocNotFound(): ReactNode {
  // Only the content, not a second layout around it (as in the classic theme).
  return (
    <Suspense fallback={null}>
      <NotFoundContent />
    </Suspense>
  );
}

export default function DocRoot(props: Props): ReactNode {
  const currentDocRouteMetadata = useDocRootMetadata(props);
  if (!currentDocRouteMetadata) return <DocNotFound />;
  const {docElement, sidebarName, sidebarItems} = currentDocRouteMetadata;
  return (
    <HtmlClassNameProvider className={clsx(ThemeClassNames.page.docsDocPage)}>
      <DocsSidebarProvider name={sidebarName} items={sidebarItems}>
        <DocRootLayout>{docElement}</DocRootLayout>
      </DocsSidebarProvider>
    </HtmlClassNameProvider>
  );
}
