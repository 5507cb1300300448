import type {ReactNode} from 'react';
import clsx from 'clsx';
import {HtmlClassNameProvider, ThemeClassNames} from '@docusaurus/theme-common';
import {DocsSidebarProvider, useDocRootMetadata} from '@docusaurus/plugin-content-docs/client';
import DocRootLayout from '@theme/DocRoot/Layout';
import type {Props} from '@theme/DocRoot';
import NotFoundContent from '@theme/NotFound/Content';

// Ejected from the classic theme for one change: when the address matched no doc, the "page not
// found" content (src/theme/NotFound/Content) is drawn without a second layout around it. Its
// search form is drawn at once, in the same update that replaces the served HTML, so there is
// no moment without a search box; the parts made from the catalogue load on their own.

function DocNotFound(): ReactNode {
  // Only the content, not a second layout around it (as in the classic theme).
  return <NotFoundContent />;
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
