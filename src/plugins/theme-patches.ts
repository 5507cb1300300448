import type {Plugin} from '@docusaurus/types';

interface ThemePatch {
  /** The theme module, by the end of its path. */
  module: RegExp;
  /** The exact text to replace; the build fails if a theme upgrade changed it (strict). */
  search: string;
  replace: string;
}

/**
 * Lines of the theme that cost a phone main-thread time at load, changed as the bundles are built
 * (string-replace-loader, strict: a theme upgrade that changes a line fails the build, so a patch
 * cannot silently stop applying). Each is checked by an e2e test.
 */
export const THEME_PATCHES: readonly ThemePatch[] = [
  {
    // useShallowMemoObject sorts the keys of a code block's MutationObserver options with
    // localeCompare. A page's first localeCompare sets up the browser's collator: about 13 ms of
    // main thread (50 ms at 4x CPU), in the task that draws the first code block. The keys are
    // property names and need only a stable order; being an object's keys, no two are equal.
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]reactUtils\.js$/,
    search: 'a[0].localeCompare(b[0])',
    replace: '(a[0] < b[0] ? -1 : 1)',
  },
  {
    // A code block asks whether its code is wider than the box (to offer "wrap lines") in an effect,
    // right after it is drawn. Reading scrollWidth then lays out the whole page inside the task that
    // drew it (the .qwc generator: about 60 ms, all of the page's layout). In an animation frame the
    // same read uses the layout the frame does anyway.
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useCodeWordWrap\.js$/,
    search: `    useEffect(() => {
        updateCodeIsScrollable();
    }, [isEnabled, updateCodeIsScrollable]);`,
    replace: `    useEffect(() => {
        const frame = requestAnimationFrame(updateCodeIsScrollable);
        return () => cancelAnimationFrame(frame);
    }, [isEnabled, updateCodeIsScrollable]);`,
  },
  {
    // useWindowSize tells a phone from a desktop in an effect as the page hydrates. Reading
    // window.innerWidth lays the page out first (whether a scroll bar takes width depends on
    // layout): about 5 ms of the hydrating task on the troubleshooting page, 20 at 4x CPU. A media
    // query needs no layout, and this one is the CSS's own breakpoint (Infima's min-width: 997px).
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize\.js$/,
    search: 'return window.innerWidth > desktopBreakpoint',
    replace: 'return window.matchMedia(`(min-width: ${desktopBreakpoint + 1}px)`).matches',
  },
  {
    // useScrollPosition (the back-to-top button, the docs sidebar, the navbar) read the scroll
    // position as it rendered, for a first "last position". Reading window.pageXOffset lays the page
    // out: the hydrating render did so twice (about 15 ms on the catalogue, traced). The first scroll
    // event now finds no last position, which each user already allows for (it is null on the server).
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]scrollUtils\.js$/,
    search: 'const lastPositionRef = useRef(getScrollPosition());',
    replace: 'const lastPositionRef = useRef(null);',
  },
  {
    // ...and its effect read the position at once, laying the page out inside the task that runs
    // the hydrated page's effects (about 5 ms there). In an animation frame the read uses the layout
    // the frame does anyway.
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]scrollUtils\.js$/,
    search: `        handleScroll();
        window.addEventListener('scroll', handleScroll, opts);
        return () => window.removeEventListener('scroll', handleScroll, opts);`,
    replace: `        const frame = requestAnimationFrame(handleScroll);
        window.addEventListener('scroll', handleScroll, opts);
        return () => {
            cancelAnimationFrame(frame);
            window.removeEventListener('scroll', handleScroll, opts);
        };`,
  },
  {
    // useSmoothScrollTo (the back-to-top button) asked the root's computed scroll-behavior at every
    // render, which restyles the page first when a style is pending: it did in the hydrating render.
    // It is now asked when the button scrolls, the one time the answer is used.
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]scrollUtils\.js$/,
    search: `    const supportsNativeSmoothScrolling = isBrowser &&
        getComputedStyle(document.documentElement).scrollBehavior === 'smooth';
    return {
        startScroll: (top) => {
            cancelRef.current = supportsNativeSmoothScrolling`,
    replace: `    const supportsNativeSmoothScrolling = () => isBrowser &&
        getComputedStyle(document.documentElement).scrollBehavior === 'smooth';
    return {
        startScroll: (top) => {
            cancelRef.current = supportsNativeSmoothScrolling()`,
  },
  {
    // The navbar measured its height as it hydrated, for hiding itself on scroll, which this site
    // leaves off (navbar.hideOnScroll). The read laid the page out inside the hydrating render
    // (about 15 ms on the catalogue, traced, once the scroll position was no longer read there).
    module: /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useHideableNavbar\.js$/,
    search: `        if (node !== null) {
            navbarHeight.current = node.getBoundingClientRect().height;`,
    replace: `        if (hideOnScroll && node !== null) {
            navbarHeight.current = node.getBoundingClientRect().height;`,
  },
];

export default function themePatches(): Plugin {
  return {
    name: 'qbwc-theme-patches',
    configureWebpack() {
      return {
        module: {
          rules: THEME_PATCHES.map(({module, search, replace}) => ({
            test: module,
            loader: require.resolve('string-replace-loader'),
            options: {search, replace, strict: true},
          })),
        },
      };
    },
  };
}
