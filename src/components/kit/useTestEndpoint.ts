import {useCallback, useEffect, useState} from 'react';
import type {Transport} from '../../qbwc/client';
import {getBrowserEndpoint} from '../../endpoint/browser-endpoint';
import {ENDPOINT_PATH, fetcherTransport, hasServerEndpoint, type FetchLike} from './test-endpoint';

/** Where a widget's calls go: the endpoint inside this page, or the one on this site's server. */
export type EndpointPlace = 'page' | 'server';

export interface TestEndpoint {
  /** Whether this site's server runs the endpoint (known a moment after the widget mounts). */
  serverAvailable: boolean;
  /** This origin, where the endpoint's URLs start. */
  origin: string;
  /** The SOAP endpoint's address, as a .qwc file or a curl command would name it. */
  url: string;
  fetcherFor(place: EndpointPlace): FetchLike;
  transportFor(place: EndpointPlace, signal?: AbortSignal): Transport;
}

/** The bundled test endpoint for a widget: one fetcher, transport and URL per place, and whether a server is there. */
export default function useTestEndpoint(): TestEndpoint {
  const [serverAvailable, setServerAvailable] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void hasServerEndpoint((request) => fetch(request), window.location.origin).then((available) => {
      if (!cancelled) setServerAvailable(available);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  const origin = window.location.origin;
  const url = `${origin}${ENDPOINT_PATH}`;
  const fetcherFor = useCallback((place: EndpointPlace): FetchLike => {
    if (place === 'server') return (request) => fetch(request);
    const endpoint = getBrowserEndpoint();
    return (request) => endpoint.fetch(request);
  }, []);
  const transportFor = useCallback(
    (place: EndpointPlace, signal?: AbortSignal) => fetcherTransport(fetcherFor(place), url, signal),
    [fetcherFor, url],
  );
  return {serverAvailable, origin, url, fetcherFor, transportFor};
}
