import {isValidElement, type ComponentType, type ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import {HtmlClassNameProvider} from '@docusaurus/theme-common';
import CopyPageMarkdown from '@site/src/components/CopyPageMarkdown';
import {SERVED_TEXT_HTML_CLASS, isServedTextDoc} from '@site/src/components/ServedText/served-text-doc';
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
 *
 * A served-text doc (src/plugins/served-text.ts) is rendered in full by the build. In the browser
 * its module's component is the served text's own (src/components/ServedText), which draws the
 * whole text in place of the theme's. Its page marks the root element (SERVED_TEXT_HTML_CLASS): its
 * text lays out as it is reached (src/css/custom.css).
 */
export default function ContentWrapper(props: Props): ReactNode {
  const {frontMatter, metadata} = useDoc();
  const served = isServedTextDoc(frontMatter as Record<string, unknown>);
  const ServedText =
    ExecutionEnvironment.canUseDOM && served && isValidElement(props.children) ? (props.children.type as ComponentType) : null;
  const content = (
    <>
      <CopyPageMarkdown />
      {ServedText ? <ServedText key={metadata.permalink} /> : <DeferredContent {...props} />}
    </>
  );
  return served ? <HtmlClassNameProvider className={SERVED_TEXT_HTML_CLASS}>{content}</HtmlClassNameProvider> : content;
}
