/**
 * Branding is one setting. Everything the pages say about "our" product (its name, where its
 * support lives, where its SOAP endpoint answers) comes from here, so an integrator can fork the
 * site for their own connector by changing this object or the BRAND_* environment variables.
 *
 * Pure data: read by docusaurus.config.ts at build time and by the endpoint at run time.
 */
export interface Branding {
  /** The product people connect QuickBooks to, as it appears in sentences. */
  productName: string;
  /** The application name written into generated .qwc files (AppName). */
  appName: string;
  /** Where a reader gets human help. */
  supportUrl: string;
  /**
   * The endpoint a generated .qwc points at by default. A relative path means "this site's own
   * origin", which is what `npm start` and `npm run serve` provide.
   */
  endpointUrl: string;
}

/** Where the bundled test endpoint answers on the site's own origin, unless configured otherwise. */
export const DEFAULT_ENDPOINT_PATH = '/qbwc';

export const defaultBranding: Branding = {
  productName: 'LedgerBridge',
  appName: 'LedgerBridge Sync',
  supportUrl: 'https://support.example.com/',
  endpointUrl: DEFAULT_ENDPOINT_PATH,
};

/** Reads BRAND_PRODUCT_NAME, BRAND_APP_NAME, BRAND_SUPPORT_URL and BRAND_ENDPOINT_URL. */
export function brandingFromEnv(env: Record<string, string | undefined>): Branding {
  return {
    productName: env.BRAND_PRODUCT_NAME || defaultBranding.productName,
    appName: env.BRAND_APP_NAME || defaultBranding.appName,
    supportUrl: env.BRAND_SUPPORT_URL || defaultBranding.supportUrl,
    endpointUrl: env.BRAND_ENDPOINT_URL || defaultBranding.endpointUrl,
  };
}
