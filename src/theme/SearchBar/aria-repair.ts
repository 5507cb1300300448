/**
 * Two ARIA faults of autocomplete.js, which draws the local search plugin's suggestions, mended in
 * place because the plugin offers no way to change its markup:
 *
 * - The input names its list of suggestions with aria-owns only; a combobox (ARIA 1.2) names it with
 *   aria-controls, which is added with the same id (axe: aria-required-attr).
 * - The "See all results" link sits inside that list, where only options may be (axe:
 *   aria-required-children). It is given the option role, which a link may take; it still opens the
 *   search page, and the arrow keys still move between the suggestions only.
 *
 * Safe to run again and again: it changes only what is still wrong.
 */
export function repairSearchAria(root: ParentNode): void {
  root.querySelectorAll('input[role="combobox"][aria-owns]').forEach((input) => {
    const list = input.getAttribute('aria-owns') ?? '';
    if (input.getAttribute('aria-controls') !== list) input.setAttribute('aria-controls', list);
  });
  root.querySelectorAll('[role="listbox"] a[href]:not([role])').forEach((link) => link.setAttribute('role', 'option'));
}
