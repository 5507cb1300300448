// The 'Did you mean' line for the build's server render only (see src/plugins/server-only-modules.ts).
export {Suggestion as default} from './catalogue-links';
