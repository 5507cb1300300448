import MDXComponents from '@theme-original/MDXComponents';
import Brand from '@site/src/components/Branding';

// Only tiny components are global; widgets are imported by the pages that use them.
export default {
  ...MDXComponents,
  Brand,
};
