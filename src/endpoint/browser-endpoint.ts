/**
 * The endpoint inside the page, for static hosts with no server: the same handler, the same SOAP
 * text through the same codec, just no network in between. Plus the transport that hands the mock
 * Web Connector (src/qbwc/client.ts) to it directly.
 */
import type {Transport, TransportResponse} from '../qbwc/client';
import type {SiteEndpointConfig} from './config';
import {createEndpoint, type Endpoint} from './handler';
import {SOAP_CONTENT_TYPE} from '../qbwc/soap/methods';

let browserEndpoint: Endpoint | undefined;

/**
 * One endpoint per page, created on first use so pages without the connection check pay nothing.
 * It takes the site's configuration (branding and base path, as the server has them) and this
 * page's origin, so what it issues names the same product at the same addresses the server would.
 */
export function getBrowserEndpoint(site: SiteEndpointConfig): Endpoint {
  if (browserEndpoint === undefined) {
    const origin = typeof globalThis.location === 'object' && globalThis.location ? globalThis.location.origin : undefined;
    browserEndpoint = createEndpoint({
      config: {...site, ...(origin && origin !== 'null' ? {publicOrigin: origin} : {})},
    });
  }
  return browserEndpoint;
}

/** Hands each envelope to an endpoint in the same page; the XML text is exactly what HTTP would carry. */
export function createInPageTransport(endpoint: Endpoint): Transport {
  return async ({body, soapAction}): Promise<TransportResponse> => {
    const response = await endpoint.handle({
      method: 'POST',
      url: endpoint.basePath,
      headers: {'content-type': SOAP_CONTENT_TYPE, soapaction: soapAction},
      body,
    });
    return {status: response.status, contentType: response.headers['content-type'] ?? '', body: response.body};
  };
}
