import {parse, type DefaultTreeAdapterMap} from 'parse5';
import {DOC_TEXT_SELECTOR} from '../components/ServedText/served-text-doc';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Set, in a served text's HTML, on the first block that starts below the first screen of any
 * window up to FIRST_SCREEN_MAX_HEIGHT_PX tall, at any width. src/css/custom.css skips it and the
 * blocks after it (content-visibility: auto) in such windows, a phone's among them: their style,
 * layout and paint wait until the reader comes near them. A taller window skips only the blocks
 * after the 29th, as every window did before.
 */
export const PAST_FIRST_SCREEN_ATTRIBUTE = 'data-past-first-screen';

/**
 * The tallest window the mark is made for, in ems: the style sheet's media query says the same.
 * Counted in ems, it follows the reader's default font size as the text does (Infima sizes the
 * text, its lines and margins in rem): with a larger font, the same blocks fill a taller window.
 */
export const FIRST_SCREEN_MAX_HEIGHT_EM = 75;

/** A browser's default font size, which the estimates below are in pixels of. */
const DEFAULT_FONT_PX = 16;

/** FIRST_SCREEN_MAX_HEIGHT_EM at the default font size: 1200 CSS pixels. */
export const FIRST_SCREEN_MAX_HEIGHT_PX = FIRST_SCREEN_MAX_HEIGHT_EM * DEFAULT_FONT_PX;

/**
 * Where the text begins, at the least, below the window's top: the navbar (60 px) and the
 * breadcrumbs come first (the text starts 173 px down on a desktop, 224 px on a phone).
 */
export const TEXT_TOP_MIN_PX = 150;

/**
 * Lower bounds, in CSS pixels, for how tall a block is drawn in the widest text column (958 px,
 * where the fewest lines are needed): more characters than any system font fits on a line (the
 * widest column holds about 116 here), Infima's line (16 px at 1.65) and a paragraph's or list's
 * bottom margin (1.25 rem). Figures, admonitions and tables are taller than their lines; counting
 * only their lines keeps the estimate below the truth, so a block the estimate puts past the first
 * screen is past it.
 */
export const CHARACTERS_PER_LINE = 150;
export const LINE_PX = 26.4;
export const BLOCK_MARGIN_PX = 20;

/**
 * Least heights with margins of the title (in its header) and the headings the text's blocks sit
 * among: Infima sets their size, line height and margins in rem, whatever the font, and the widest
 * column fits each on one line. Measured here: 60, 100 and 80 px at the least.
 */
export const HEADING_PX: Readonly<Record<string, number>> = {header: 60, h2: 100, h3: 80};

/** The blocks the style sheet may skip, and so the ones that can carry the mark. */
const SKIPPABLE = new Set(['p', 'ul', 'ol', 'table', 'blockquote']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function textLength(node: Node): number {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' ').trim().length;
  if (!('childNodes' in node)) return 0;
  return node.childNodes.reduce((sum, child) => sum + textLength(child), 0);
}

function lines(characters: number): number {
  return Math.ceil(characters / CHARACTERS_PER_LINE);
}

function childElements(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

function descendants(element: Element, tagName: string): number {
  return childElements(element).reduce(
    (sum, child) => sum + (child.tagName === tagName ? 1 : 0) + descendants(child, tagName),
    0,
  );
}

/** The least height (CSS px) a top-level block of the text can be drawn at, with its margin. */
export function leastBlockHeight(block: Element): number {
  switch (block.tagName) {
    case 'p':
      return lines(textLength(block)) * LINE_PX + BLOCK_MARGIN_PX;
    case 'ul':
    case 'ol':
      // Each item starts a line of its own.
      return (
        childElements(block).reduce((sum, item) => sum + Math.max(1, lines(textLength(item))), 0) * LINE_PX + BLOCK_MARGIN_PX
      );
    case 'table':
      // Each row is at least a line.
      return Math.max(descendants(block, 'tr'), lines(textLength(block))) * LINE_PX;
    default:
      return Math.max(HEADING_PX[block.tagName] ?? 0, lines(textLength(block)) * LINE_PX);
  }
}

function findTextElement(node: Node, className: string): Element | undefined {
  if (isElement(node) && node.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).includes(className))) return node;
  if (!('childNodes' in node)) return undefined;
  for (const child of node.childNodes) {
    const found = findTextElement(child, className);
    if (found) return found;
  }
  return undefined;
}

/**
 * The page's HTML with PAST_FIRST_SCREEN_ATTRIBUTE on the first skippable block of its text
 * (DOC_TEXT_SELECTOR) whose least top is below the first screen of a FIRST_SCREEN_MAX_HEIGHT_PX
 * window; `marked` is that block's place among the text's elements, or null when the text fits.
 * Only the attribute is written in: every other byte of the page stays as it was.
 */
export function markPastFirstScreen(html: string): {html: string; marked: number | null} {
  const document = parse(html, {sourceCodeLocationInfo: true});
  const text = findTextElement(document, DOC_TEXT_SELECTOR.replace(/^\./, ''));
  if (!text) throw new Error(`No ${DOC_TEXT_SELECTOR} in the page`);
  const reach = FIRST_SCREEN_MAX_HEIGHT_PX - TEXT_TOP_MIN_PX;
  let top = 0;
  for (const [index, block] of childElements(text).entries()) {
    if (top >= reach && SKIPPABLE.has(block.tagName)) {
      const at = block.sourceCodeLocation!.startTag!.startOffset + 1 + block.tagName.length;
      return {html: `${html.slice(0, at)} ${PAST_FIRST_SCREEN_ATTRIBUTE}${html.slice(at)}`, marked: index};
    }
    top += leastBlockHeight(block);
  }
  return {html, marked: null};
}
