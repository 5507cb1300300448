import {createElement, type ComponentType, type ReactNode} from 'react';
import DeferredBlock from './DeferredBlock';
import styles from './kit.module.css';

/**
 * A theme part (a component that draws more than one element, or does not pass on its props) as a
 * DeferredBlock: it sits in a `display: contents` wrapper, whose served content is kept while the
 * page hydrates and which hydrates on its own turn afterwards.
 */
export function deferredPart<P extends object>(Part: ComponentType<P>): (props: P) => ReactNode {
  return function DeferredPart(props: P): ReactNode {
    return createElement(DeferredBlock, {
      as: 'div',
      className: styles.part,
      contents: true,
      content: () => createElement(Part, props),
    });
  };
}
