import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {defaultBranding} from '@site/src/branding';
import {DEFAULT_BASE_PATH, type SiteEndpointConfig} from '@site/src/endpoint/config';

/**
 * The endpoint's configuration as the site was built with it (docusaurus.config.ts builds it with
 * the server's own endpointConfigFromEnv): the branding and where the endpoint answers.
 */
export default function useSiteEndpoint(): SiteEndpointConfig {
  const {siteConfig} = useDocusaurusContext();
  const built = siteConfig.customFields?.endpoint as Partial<SiteEndpointConfig> | undefined;
  return {
    branding: {...defaultBranding, ...built?.branding},
    basePath: built?.basePath ?? DEFAULT_BASE_PATH,
  };
}
