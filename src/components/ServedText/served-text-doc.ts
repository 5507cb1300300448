/**
 * A doc whose text needs no code in the browser says so in its front matter: `served_text: true`
 * (src/plugins/served-text.ts). It may hold text, headings, lists, tables, admonitions and links,
 * but no widget, code block or other part that does something in the browser.
 */
export const SERVED_TEXT_FRONT_MATTER = 'served_text';

export function isServedTextDoc(frontMatter: Record<string, unknown>): boolean {
  return frontMatter[SERVED_TEXT_FRONT_MATTER] === true;
}

/** The element, in a doc page's HTML, that holds its text (the theme's DocItem/Content). */
export const DOC_TEXT_SELECTOR = '.theme-doc-markdown';

/** The class a served-text doc's page gives the root element (src/theme/DocItem/Content), for its style sheet. */
export const SERVED_TEXT_HTML_CLASS = 'served-text-doc';
