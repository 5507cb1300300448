import {Prism} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import OriginalCodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';

// The theme registers the extra Prism grammars (themeConfig.prism.additionalLanguages) from a client
// module on every page; in the browser that module is swapped for an empty one (see
// src/plugins/lazy-code-highlighting.ts) and the grammars are registered here, with the highlighter.
prismIncludeLanguages(Prism);

const CodeBlock: typeof CodeBlockType = OriginalCodeBlock;
export default CodeBlock;
