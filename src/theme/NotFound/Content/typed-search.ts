/**
 * What the reader typed into the "page not found" search box before the page's code took over.
 *
 * Under /docs the page's code does not take over the HTML it was served (404.html is built for no
 * address in particular, and the docs draw their own "not found" content, loaded lazily), so the
 * box the reader typed in is replaced by a new one. From the moment the site's code starts
 * (src/client/not-found-search.ts), the served box's text and focus are followed here, and the new
 * box takes them over once.
 */
export interface TypedSearch {
  text: string;
  /** The reader's cursor was in the box. */
  focused: boolean;
}

/** Marks the form, so its box can be found (the input's id is generated). */
export const SEARCH_FORM_ATTRIBUTE = 'data-not-found-search';
const SEARCH_BOX = `form[${SEARCH_FORM_ATTRIBUTE}] input[name="q"]`;

const NOTHING: TypedSearch = {text: '', focused: false};
let latest: TypedSearch = NOTHING;
let following = false;

function searchBox(target: EventTarget | null): HTMLInputElement | null {
  return target instanceof HTMLInputElement && target.matches(SEARCH_BOX) ? target : null;
}

function readBox(doc: Document): TypedSearch {
  const box = doc.querySelector<HTMLInputElement>(SEARCH_BOX);
  return box ? {text: box.value, focused: doc.activeElement === box} : NOTHING;
}

/** Starts following the box: what is in it now, then every change until the page replaces it. */
export function followTypedSearch(doc: Document): void {
  if (following) return;
  following = true;
  latest = readBox(doc);
  doc.addEventListener(
    'input',
    (event) => {
      const box = searchBox(event.target);
      if (box) latest = {text: box.value, focused: doc.activeElement === box};
    },
    true,
  );
  doc.addEventListener(
    'focusin',
    (event) => {
      const box = searchBox(event.target);
      if (box) latest = {text: box.value, focused: true};
    },
    true,
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      const box = searchBox(event.target);
      // A box taken out of the page with the cursor in it still counts as focused.
      if (box) queueMicrotask(() => box.isConnected && (latest = {...latest, focused: false}));
    },
    true,
  );
}

/** What was typed, once: the next "not found" page the reader opens starts empty. */
export function takeTypedSearch(): TypedSearch {
  if (typeof document === 'undefined') return NOTHING;
  const typed = following ? latest : readBox(document);
  latest = NOTHING;
  return typed;
}
