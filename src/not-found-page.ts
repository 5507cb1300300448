/**
 * The class the served "page not found" HTML (404.html) carries on its <html> element. The server
 * sends that file for every address without a page, so the browser must draw the page anew rather
 * than hydrate it: under /docs the address is drawn by the docs' own layout, a different tree.
 */
export const NOT_FOUND_PAGE_CLASS = 'page-not-found';
