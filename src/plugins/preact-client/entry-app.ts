// The entry's third turn (client-entry.tsx): the app, with the theme and the client modules.
export {default as App} from '@docusaurus/core/lib/client/App';
