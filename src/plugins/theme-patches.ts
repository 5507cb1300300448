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
