import {Children, isValidElement, useEffect, useState, type ReactNode} from 'react';
import Heading from '@theme-original/Heading';
import type HeadingType from '@theme/Heading';
import type {WrapperProps} from '@docusaurus/types';
import useIsBrowser from '@docusaurus/useIsBrowser';
import CopyLinkButton from '@site/src/components/CopyLinkButton';
import {COPY_LINK_HOST_ATTRIBUTE} from '@site/src/components/kit/copy-link-host';
import styles from './styles.module.css';

type Props = WrapperProps<typeof HeadingType>;

/** Plain text of heading children, for the button's name before the heading is in the DOM. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (isValidElement<{children?: ReactNode}>(node)) return textOf(node.props.children);
  if (Array.isArray(node)) return Children.toArray(node).map(textOf).join('');
  return '';
}

/** The heading text as rendered (it includes values such as the product name), without the hash link's zero-width space. */
function renderedText(id: string): string | undefined {
  const text = document
    .getElementById(id)
    ?.textContent?.replace(/\u200b/g, '')
    .trim();
  return text || undefined;
}

/**
 * A heading's "Copy link" button, beside it; also added to a served text's headings
 * (src/components/ServedText). Drawn only in the browser: it is named after the heading as rendered
 * when the heading is already in the page, else after `fallbackText` until it is.
 */
export function HeadingCopyLink({id, fallbackText = ''}: {id: string; fallbackText?: string}): ReactNode {
  const [headingText, setHeadingText] = useState(() => renderedText(id) ?? (fallbackText || id));
  useEffect(() => {
    const text = renderedText(id);
    if (text) setHeadingText(text);
  }, [id]);
  return <CopyLinkButton id={id} headingText={headingText} className={styles.copyLink} />;
}

/**
 * The theme heading plus, for h2 and h3 with an id, a "Copy link" button beside it. The button is
 * in a sibling, not a child, so the TOC and search never take its text. Its host (a box-less
 * element) is in the static HTML too; the button exists only in the browser.
 */
export default function HeadingWrapper(props: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const {as, id} = props;
  const linkable = (as === 'h2' || as === 'h3') && Boolean(id);
  return (
    <>
      <Heading {...props} />
      {linkable && id && (
        <div className={styles.copyLinkHost} {...{[COPY_LINK_HOST_ATTRIBUTE]: ''}}>
          {isBrowser && <HeadingCopyLink id={id} fallbackText={textOf(props.children)} />}
        </div>
      )}
    </>
  );
}
