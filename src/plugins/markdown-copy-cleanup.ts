/**
 * A rehype step for the Markdown copies of the pages (/docs/x.md, /llms.txt): the copies are made
 * from the built HTML, which carries things meant for the screen only. This keeps what a reader of
 * the Markdown needs:
 * - a drawn dialog (a figure holding one role="img" element) becomes its written description, since
 *   the drawing's inner labels would read as loose words;
 * - the heading "#" links and React's empty text-separator comments go.
 */

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function classesOf(node: HastNode): string[] {
  const value = node.properties?.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

function text(value: string): HastNode {
  return {type: 'text', value};
}

function element(tagName: string, children: HastNode[]): HastNode {
  return {type: 'element', tagName, properties: {}, children};
}

function findDrawing(node: HastNode): HastNode | undefined {
  if (node.properties?.role === 'img') return node;
  for (const child of node.children ?? []) {
    const found = findDrawing(child);
    if (found) return found;
  }
  return undefined;
}

/** The drawing replaced by its description (it starts "Drawing of ..."), followed by the figure's caption. */
function describedFigure(figure: HastNode): HastNode | undefined {
  const drawing = findDrawing(figure);
  const description = drawing?.properties?.ariaLabel;
  if (!drawing || typeof description !== 'string') return undefined;
  const caption = (figure.children ?? []).find((child) => child.tagName === 'figcaption');
  return element('div', [
    element('p', [element('em', [text(description)])]),
    ...(caption ? [clean(element('p', caption.children ?? []))].filter((node): node is HastNode => node !== undefined) : []),
  ]);
}

function clean(node: HastNode): HastNode | undefined {
  if (node.type === 'comment') return undefined;
  if (node.tagName === 'a' && classesOf(node).includes('hash-link')) return undefined;
  if (node.tagName === 'figure') {
    const replaced = describedFigure(node);
    if (replaced) return replaced;
  }
  if (node.children) {
    node.children = node.children.map(clean).filter((child): child is HastNode => child !== undefined);
  }
  return node;
}

export default function markdownCopyCleanup(): (tree: HastNode) => void {
  return (tree) => {
    clean(tree);
  };
}
