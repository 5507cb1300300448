import type {ReactNode} from 'react';
import BlogPostItems from '@theme-original/BlogPostItems';
import type BlogPostItemsType from '@theme/BlogPostItems';
import type {WrapperProps} from '@docusaurus/types';
import {useLocation} from '@docusaurus/router';
import Heading from '@theme/Heading';
import styles from './styles.module.css';

type Props = WrapperProps<typeof BlogPostItemsType>;

// The stock list of updates has no page heading; tag pages bring their own, so only the main
// list (and its later pages) gets one, with the feed links readers subscribe to.
const UPDATES_LIST = /^\/updates(\/page\/\d+)?\/?$/;

export default function BlogPostItemsWrapper(props: Props): ReactNode {
  const {pathname} = useLocation();
  return (
    <>
      {UPDATES_LIST.test(pathname) && (
        <header className="margin-bottom--lg">
          <Heading as="h1">Updates</Heading>
          <p>
            Dated notices about the Web Connector, certificates and this help center. Subscribe with{' '}
            <a href="/updates/rss.xml" className={styles.feedLink}>
              RSS
            </a>{' '}
            or{' '}
            <a href="/updates/atom.xml" className={styles.feedLink}>
              Atom
            </a>
            .
          </p>
        </header>
      )}
      <BlogPostItems {...props} />
    </>
  );
}
