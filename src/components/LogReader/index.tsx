import {lazyWidget} from '../kit/LazyWidget';

/**
 * The Web Connector log reader. Embed with `<LogReader />` under a ## heading. It uses a Web Worker,
 * Blob and the clipboard; only the page that embeds it downloads it, and space is held while it loads.
 */
const LogReader = lazyWidget(() => import('./LogReaderTool'), {name: 'the log reader', minHeight: '34rem'});
export default LogReader;
