import OriginalCodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';

// The theme's code block, which highlights through the site's Prism (src/code-highlighting, with
// the grammars of themeConfig.prism.additionalLanguages). In the browser it arrives in its own
// chunk, loaded by ./index.tsx on the pages that show code.
const CodeBlock: typeof CodeBlockType = OriginalCodeBlock;
export default CodeBlock;
