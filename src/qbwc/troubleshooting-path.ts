/**
 * Where the troubleshooting catalogue lives, in a module of its own: widgets on every page link to
 * it without loading the whole catalogue (troubleshooting/index.ts re-exports it).
 */
export const TROUBLESHOOTING_PATH = '/docs/troubleshooting';
