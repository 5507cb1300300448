import type {ReactNode} from 'react';
import Original from '@theme-original/DocBreadcrumbs';
import type OriginalType from '@theme/DocBreadcrumbs';
import type {WrapperProps} from '@docusaurus/types';
import DeferredBlock from '@site/src/components/kit/DeferredBlock';
import kitStyles from '@site/src/components/kit/kit.module.css';

type Props = WrapperProps<typeof OriginalType>;

/**
 * The breadcrumbs' links hydrate on their own turn, after the page, or at once when one is pointed
 * at or tabbed into (src/components/kit/DeferredBlock.tsx).
 */
export default function DocBreadcrumbsWrapper(props: Props): ReactNode {
  return <DeferredBlock as="div" className={kitStyles.part} content={() => <Original {...props} />} />;
}
