// The first of the entry's turns (client-entry.tsx): the router and the head manager. Re-exported
// by name, so the bundle keeps only these of the libraries' exports.
export {BrowserRouter} from 'react-router-dom';
export {HelmetProvider} from 'react-helmet-async';
