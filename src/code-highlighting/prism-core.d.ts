// Prism's core alone (no grammars), typed as the whole `prismjs` API it provides.
declare module 'prismjs/components/prism-core' {
  import * as Prism from 'prismjs';
  export default Prism;
}
