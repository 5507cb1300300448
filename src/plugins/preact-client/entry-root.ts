// The entry's first turn (client-entry.tsx): the root that hydrates the page, and the element
// factory, so that evaluating main.js runs only the entry itself.
export {hydrateRoot} from 'react-dom/client';
export {createElement} from 'react';
