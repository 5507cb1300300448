import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {defaultBranding, type Branding} from '@site/src/branding';

/** The site's branding, as configured at build time (see src/branding.ts). */
export default function useBranding(): Branding {
  const {siteConfig} = useDocusaurusContext();
  const configured = siteConfig.customFields?.branding as Partial<Branding> | undefined;
  return {...defaultBranding, ...configured};
}
