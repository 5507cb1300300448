import {lazyWidget} from '../kit/LazyWidget';
import {TOOL_MIN_HEIGHT} from './tool-height';

/**
 * The .qwc inspector and generator. Embed anywhere with `<QwcGenerator />`; `headingLevel` sets its
 * sections' heading level (3 by default, under the page's own ## heading). It uses window, crypto,
 * Blob and the clipboard, and only its own page pays for it. Space is held while it loads, so the
 * sections below it do not jump.
 */
const QwcGenerator = lazyWidget(() => import('./QwcTool'), {name: 'the .qwc generator', minHeight: TOOL_MIN_HEIGHT});
export default QwcGenerator;
