import type {ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import CopyPageMarkdown from '@site/src/components/CopyPageMarkdown';
import {deferredPart} from '@site/src/components/kit/deferredPart';

type Props = WrapperProps<typeof ContentType>;

/**
 * The doc's text hydrates on its own turn after the page, and its paragraphs, lists and tables each
 * on a later one (src/components/kit/DeferredBlock.tsx).
 */
const DeferredContent = deferredPart(Content);

/**
 * Every guide, above its text: "Copy page as Markdown". It is in the static HTML too (it only
 * fetches and touches the clipboard when clicked), so nothing moves when the page hydrates.
 */
export default function ContentWrapper(props: Props): ReactNode {
  return (
    <>
      <CopyPageMarkdown />
      <DeferredContent {...props} />
    </>
  );
}
