import type {ReactNode} from 'react';
import clsx from 'clsx';
import {useBlogPost} from '@docusaurus/plugin-content-blog/client';
import type {Props} from '@theme/BlogPostItem/Header/Info';
import {formatPageDate} from '@site/src/page-dates';
import styles from './styles.module.css';

/** An update's date and reading time ("December 1, 2026 · 3 min read"), dated without Intl (see src/page-dates.ts). */
export default function BlogPostItemHeaderInfo({className}: Props): ReactNode {
  const {date, readingTime} = useBlogPost().metadata;
  const minutes = readingTime === undefined ? null : Math.ceil(readingTime);
  return (
    <div className={clsx(styles.info, 'margin-vert--md', className)}>
      <time dateTime={date}>{formatPageDate(date, 'long')}</time>
      {minutes !== null && <> · {minutes === 1 ? 'One min read' : `${minutes} min read`}</>}
    </div>
  );
}
