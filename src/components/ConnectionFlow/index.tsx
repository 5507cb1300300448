import {lazyWidget} from '../kit/LazyWidget';

/**
 * The guided connection flow: checklist, .qwc download, password, and the wait for the first update.
 * It needs window, localStorage and the in-page endpoint, so it runs in the browser only, loaded on demand.
 */
const ConnectionFlow = lazyWidget(() => import('./ConnectionFlowApp'), {name: 'the connection steps'});
export default ConnectionFlow;
