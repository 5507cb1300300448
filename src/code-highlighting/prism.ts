import './prism-manual';
import Prism from 'prismjs/components/prism-core';
import prismIncludeLanguages from '@theme/prism-include-languages';

/**
 * The site's Prism: the core and only the grammars named in `themeConfig.prism.additionalLanguages`
 * (docusaurus.config.ts), registered by the classic theme's own loader. prism-react-renderer
 * ships 14 grammars and 20 colour themes in one module that no bundler can trim (about 80 kB
 * minified on every page with code); this is about 20 kB.
 */
prismIncludeLanguages(Prism);

export default Prism;
