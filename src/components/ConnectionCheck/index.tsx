import {lazyWidget} from '../kit/LazyWidget';

/** The connection check widget, for MDX pages: `<ConnectionCheck />`. Only pages that embed it download it. */
const ConnectionCheck = lazyWidget(() => import('./ConnectionCheckApp'), {name: 'the connection check'});
export default ConnectionCheck;
