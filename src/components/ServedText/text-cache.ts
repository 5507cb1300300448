import {DOC_TEXT_SELECTOR} from './served-text-doc';

/** Each served-text page's text element (its outer HTML), by address: kept from a first visit, or fetched. */
const texts = new Map<string, Promise<string>>();
/** The same texts once they are there, so a page can draw one at once. */
const arrived = new Map<string, string>();

async function fetchText(permalink: string): Promise<string> {
  const response = await fetch(permalink, {credentials: 'same-origin'});
  if (!response.ok) throw new Error(`${permalink} answered ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const text = page.querySelector(DOC_TEXT_SELECTOR);
  if (!text) throw new Error(`${permalink} holds no doc text`);
  return text.outerHTML;
}

/** The text of the served-text page at `permalink`: kept, or fetched from the page's HTML. */
export function textOf(permalink: string): Promise<string> {
  let text = texts.get(permalink);
  if (!text) {
    text = fetchText(permalink);
    text.then(
      (html) => arrived.set(permalink, html),
      // A failed fetch is not kept: the next visit tries again.
      () => texts.delete(permalink),
    );
    texts.set(permalink, text);
  }
  return text;
}

/** Keeps the text a first visit was served, so coming back to the page needs no fetch. */
export function keepText(permalink: string, html: string): void {
  if (texts.has(permalink)) return;
  texts.set(permalink, Promise.resolve(html));
  arrived.set(permalink, html);
}

/**
 * The text of the page at `permalink` if it is already here (the reader has been on the page, or a
 * link to it was pointed at), so that going back draws it at once and the browser can put the
 * reader back where they were.
 */
export function arrivedText(permalink: string): string | undefined {
  return arrived.get(permalink);
}

/**
 * Starts fetching a served-text page's text before a link takes the reader there: its route
 * module runs this when the site preloads the route, as it does when a link to it is pointed at,
 * touched or focused. The page the reader is on already has its text.
 */
export function prefetchText(permalink: string): void {
  if (typeof window === 'undefined' || window.location.pathname === permalink) return;
  textOf(permalink).catch(() => undefined);
}

/** The height each block of a served text had when the reader left its page, by address. */
const heights = new Map<string, number[]>();

/**
 * Keeps the heights the text's blocks had as the reader left. A block far from the screen stands in
 * at an estimated height until it is drawn (src/css/custom.css), so the offset the browser keeps for
 * a return counts those estimates; drawn again with the same heights, the text puts the reader back
 * on the same words.
 */
export function keepBlockHeights(permalink: string, blockHeights: number[]): void {
  heights.set(permalink, blockHeights);
}

/** The heights kept for the text at `permalink`, if the reader has left it before. */
export function keptBlockHeights(permalink: string): number[] | undefined {
  return heights.get(permalink);
}
