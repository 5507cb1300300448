import type {ClientModule} from '@docusaurus/types';
import {idFromHash} from '../../components/kit/hash-target';

/**
 * After a client-side navigation to another page with a #hash, Docusaurus scrolls to the hash's
 * element in a layout effect. Under Preact that effect runs one commit before the new page's
 * content is in the document, so the element is not found and the reader lands at the top. This
 * looks for the element again over the next frames and brings it into view once it exists.
 */
const maxFrames = 30;

const hashScroll: ClientModule = {
  onRouteDidUpdate({location, previousLocation}) {
    if (!previousLocation || !location.hash || location.pathname === previousLocation.pathname) return;
    const id = idFromHash(location.hash);
    const oldTitle = document.querySelector('h1')?.textContent;
    let frames = 0;
    const look = () => {
      const target = document.getElementById(id);
      // The old page may hold an element with the same id: wait until its title has been replaced.
      if (target && (document.querySelector('h1')?.textContent !== oldTitle || frames === maxFrames - 1)) {
        target.scrollIntoView();
        return;
      }
      if (++frames < maxFrames && window.location.hash === location.hash) window.requestAnimationFrame(look);
    };
    window.requestAnimationFrame(look);
  },
};

export default hashScroll;
