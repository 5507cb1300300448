import {useMemo} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {defaultBranding, DEFAULT_ENDPOINT_PATH} from '@site/src/branding';
// Only the type: every page reads this (page feedback), and the config's parsing stays off its bundle.
import type {SiteEndpointConfig} from '@site/src/endpoint/config';

/**
 * The endpoint's configuration as the site was built with it (docusaurus.config.ts builds it with
 * the server's own endpointConfigFromEnv): the branding and where the endpoint answers. The same
 * object on every render, so hooks and effects that depend on it do not start over each time.
 */
export default function useSiteEndpoint(): SiteEndpointConfig {
  const {siteConfig} = useDocusaurusContext();
  const built = siteConfig.customFields?.endpoint as Partial<SiteEndpointConfig> | undefined;
  return useMemo(
    () => ({
      branding: {...defaultBranding, ...built?.branding},
      basePath: built?.basePath ?? DEFAULT_ENDPOINT_PATH,
    }),
    [built],
  );
}
