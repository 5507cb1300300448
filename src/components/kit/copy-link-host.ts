/**
 * Marks the element after a linkable heading (an h2 or h3 with an id) that holds its "Copy link"
 * button (src/theme/Heading). It is in the served HTML, empty, so that the page has the same
 * elements in the same order before and after its code runs: a browser that puts the reader back
 * where they were after a reload finds its place by the elements' order (Chromium's scroll anchor
 * is a chain of :nth-child), and adding an element among a text's blocks would restyle every block
 * after it.
 */
export const COPY_LINK_HOST_ATTRIBUTE = 'data-copy-link-host';
