/**
 * What the reader typed into the "page not found" search box before the page's code ran.
 *
 * Under /docs the page's code does not take over the HTML it was served (404.html is built for no
 * address in particular, and the docs draw their own "not found" content), so the box the reader
 * typed in is replaced by a new, empty one. Read it while the served HTML is still in the
 * document, that is while the page first renders, and hand it to the new box.
 */
export interface TypedSearch {
  text: string;
  /** The reader's cursor was in the box. */
  focused: boolean;
}

/** Marks the form, so the served box can be found (the input's id is generated). */
export const SEARCH_FORM_ATTRIBUTE = 'data-not-found-search';

export function readTypedSearch(): TypedSearch {
  if (typeof document === 'undefined') return {text: '', focused: false};
  const input = document.querySelector<HTMLInputElement>(`form[${SEARCH_FORM_ATTRIBUTE}] input[name="q"]`);
  return {text: input?.value ?? '', focused: input !== null && document.activeElement === input};
}
