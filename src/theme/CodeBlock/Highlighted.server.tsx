// The highlighted block for the build's server render only (see src/plugins/server-only-modules.ts).
export {default} from './Highlighted';
