// The common errors for the build's server render only (see src/plugins/server-only-modules.ts).
export {CommonErrors as default} from './catalogue-links';
