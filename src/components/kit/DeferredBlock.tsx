import {Component, createElement, type ElementType, type ReactNode} from 'react';
import {partDeferral, type DeferredPart, type PartContent} from './deferred-hydration';

/** Given as the element's HTML while its served content is kept: the same object on every render. */
const KEEP_SERVED_MARKUP = {__html: ''};

type Props = {
  /** The element (or a component that spreads its props on one element) the block is drawn as. */
  as: ElementType;
  /** What the element holds; called only when it is drawn. */
  content: PartContent;
  /** The element is a `display: contents` wrapper: having no box, its first child shows where the part is. */
  contents?: boolean;
} & Record<string, unknown>;

/**
 * A block of a served page that hydrates on its own turn: each top-level paragraph, list and table
 * of a doc (src/plugins/deferred-blocks.ts writes them this way at build time), and parts of the
 * page's frame (src/theme): the navbar, the doc's text (whose blocks then wait for turns of their
 * own), the desktop sidebar and table of contents, which a phone drops right after hydrating, the
 * breadcrumbs, the previous/next links and the footer.
 *
 * - The build, and a page reached by a link, draw it as the element with its content.
 * - When the served page hydrates, the element keeps its served content and is left out of that
 *   one long render, content and all: its elements are not even made. The browser's root hydrates
 *   it afterwards, a few milliseconds at a time, once it comes within a screen of the view (a
 *   block far down a long page stays served HTML until then), or at once when the reader points
 *   at, clicks or tabs into it (src/plugins/preact-client/deferred-hydration.ts). The markup is
 *   the same, so nothing moves.
 *
 * The hydrating block reads the context this component was given, so links, copy buttons and
 * widgets in it behave as they would without it.
 */
export default class DeferredBlock extends Component<Props> {
  private readonly defer = partDeferral();
  private part: DeferredPart | null = null;

  override componentDidMount(): void {
    // Preact's class components know their first DOM node: the element drawn below.
    const element = (this as unknown as {base?: Element | null}).base;
    if (!this.defer || !element) return;
    const box = this.props.contents ? element.firstElementChild : element;
    this.part = this.defer(element, this.props.content, this.context as object, box);
  }

  override componentDidUpdate(): void {
    this.part?.update(this.props.content, this.context as object);
  }

  override componentWillUnmount(): void {
    this.part?.remove();
    this.part = null;
  }

  override render(): ReactNode {
    // `contents` is for the deferral, not an attribute of the element.
    const {as: Tag, content, contents: _contents, ...rest} = this.props;
    if (!this.defer) {
      // Passed as separate children, as MDX would have: a list of them is not a keyed array.
      const children = content();
      return createElement(Tag, rest, ...(Array.isArray(children) ? children : [children]));
    }
    return createElement(Tag, {...rest, dangerouslySetInnerHTML: KEEP_SERVED_MARKUP});
  }
}
