/**
 * The transport for a person's own service when this site's server offers the relay: each call
 * goes to POST /qbwc/relay as a method name and its parameters (read back from the envelope the
 * mock Web Connector built), and the relay builds and sends the envelope itself.
 */
import {TransportError, type Transport} from '../../qbwc/client';
import {parseRequest} from '../../qbwc/soap';
import type {FetchLike} from '../kit/test-endpoint';

interface RelayAnswer {
  status?: unknown;
  contentType?: unknown;
  body?: unknown;
  error?: unknown;
}

export function createRelayTransport(fetcher: FetchLike, relayUrl: string, serviceUrl: string, signal?: AbortSignal): Transport {
  return async ({body, soapAction}) => {
    const {method, params} = parseRequest(body, {soapAction});
    let response: Response;
    try {
      response = await fetcher(
        new Request(relayUrl, {
          method: 'POST',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({url: serviceUrl, method, params}),
          ...(signal ? {signal} : {}),
        }),
      );
    } catch {
      throw new TransportError("this site's relay could not be reached. Check your connection and try again.");
    }
    const answer = (await response.json().catch(() => ({}))) as RelayAnswer;
    if (response.status !== 200 || typeof answer.body !== 'string' || typeof answer.status !== 'number') {
      throw new TransportError(
        typeof answer.error === 'string' ? answer.error : `this site's relay failed (HTTP ${response.status}).`,
      );
    }
    return {
      status: answer.status,
      contentType: typeof answer.contentType === 'string' ? answer.contentType : '',
      body: answer.body,
    };
  };
}
