// The entry's second turn (client-entry.tsx): the site's routes and what loads their code.
export {default as routes} from '@generated/routes';
export {default as docusaurus} from '@docusaurus/core/lib/client/docusaurus';
export {matchRoutes} from 'react-router-config';
