// The library's ES module build, which helmet.ts wraps: the same exports as the package's types.
declare module 'react-helmet-async/lib/index.module.js' {
  export * from 'react-helmet-async';
}
