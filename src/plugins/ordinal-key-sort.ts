import type {Plugin} from '@docusaurus/types';

/** The theme's module that sorts an object's keys to memoise it (useShallowMemoObject). */
export const SORTING_MODULE = /[\\/]@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]reactUtils\.js$/;
export const LOCALE_KEY_ORDER = 'a[0].localeCompare(b[0])';
// An object's keys are distinct, so two of them are never equal.
export const ORDINAL_KEY_ORDER = '(a[0] < b[0] ? -1 : 1)';

/**
 * The theme memoises a code block's MutationObserver options by sorting their keys with
 * `localeCompare`. The first `localeCompare` a page makes sets up the browser's collator for the
 * locale: about 13 ms of main thread, 50 ms at 4x CPU, inside the task that draws the first code
 * block (the .qwc generator's preview, the reference's examples). The keys are property names and
 * need only a stable order, which comparing code units gives with no collator. `strict` fails the
 * build if a theme upgrade changes the line, so the patch cannot silently stop applying.
 */
export default function ordinalKeySort(): Plugin {
  return {
    name: 'qbwc-ordinal-key-sort',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: SORTING_MODULE,
              loader: require.resolve('string-replace-loader'),
              options: {search: LOCALE_KEY_ORDER, replace: ORDINAL_KEY_ORDER, strict: true},
            },
          ],
        },
      };
    },
  };
}
