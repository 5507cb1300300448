import type {Branding} from '@site/src/branding';
import useSiteEndpoint from './useSiteEndpoint';

/** The site's branding, as configured at build time (see src/branding.ts and src/endpoint/config.ts). */
export default function useBranding(): Branding {
  return useSiteEndpoint().branding;
}
