import {lazyWidget} from '../kit/LazyWidget';

/**
 * The password check, verifier and generator. Embed anywhere with `<PasswordCheck />`; its heading
 * level is 3 by default (under the page's own ## heading), `headingLevel={2}` directly under the title.
 * It uses window, crypto and the clipboard, and only pages that embed it download it.
 */
const PasswordCheck = lazyWidget(() => import('./PasswordTool'), {name: 'the password check'});
export default PasswordCheck;
