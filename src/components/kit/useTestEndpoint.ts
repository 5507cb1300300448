import {useCallback, useEffect, useMemo, useState} from 'react';
import type {Transport} from '../../qbwc/client';
import {fetcherTransport, hasRelay, hasServerEndpoint} from './test-endpoint';
import {windowFetch, type FetchLike} from './fetch-like';
import useSiteEndpoint from './useSiteEndpoint';

/** Where a widget's calls go: the endpoint inside this page, or the one on this site's server. */
export type EndpointPlace = 'page' | 'server';

/** Whether this site's server runs the endpoint: not known for a moment after the widget mounts. */
export type ServerAvailability = 'checking' | 'available' | 'unavailable';

export interface TestEndpoint {
  server: ServerAvailability;
  /** Resolves once the server has been asked: true when it runs the endpoint. */
  serverCheck: Promise<boolean>;
  /** Whether the server offers the relay to other services (only asked when the widget wants it). */
  relayAvailable: boolean;
  /** This origin, where the endpoint's URLs start. */
  origin: string;
  /** The SOAP endpoint's address, as a .qwc file or a curl command would name it. */
  url: string;
  /** Where the relay answers (POST), when relayAvailable. */
  relayUrl: string;
  fetcherFor(place: EndpointPlace): FetchLike;
  transportFor(place: EndpointPlace, signal?: AbortSignal): Transport;
}

/**
 * The bundled test endpoint for a widget, at the base path the site was built with: one fetcher,
 * transport and URL per place, and whether a server (and its relay) is there.
 */
export default function useTestEndpoint({probeRelay = false}: {probeRelay?: boolean} = {}): TestEndpoint {
  const site = useSiteEndpoint();
  const origin = window.location.origin;
  const url = `${origin}${site.basePath}`;
  const [serverCheck] = useState(() => hasServerEndpoint(windowFetch, url));
  const [server, setServer] = useState<ServerAvailability>('checking');
  const [relayAvailable, setRelayAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void serverCheck.then((available) => {
      if (live) setServer(available ? 'available' : 'unavailable');
    });
    if (probeRelay) {
      void hasRelay(windowFetch, url).then((available) => {
        if (live) setRelayAvailable(available);
      });
    }
    return () => {
      live = false;
    };
  }, [serverCheck, probeRelay, url]);
  const fetcherFor = useCallback(
    (place: EndpointPlace): FetchLike => {
      if (place === 'server') return windowFetch;
      // The endpoint in the page (its handler, sessions and XML codec, about 230 kB) loads with the
      // first request made to it, not with the widget.
      return async (request) => {
        const {getBrowserEndpoint} = await import('../../endpoint/browser-endpoint');
        return getBrowserEndpoint(site).fetch(request);
      };
    },
    [site],
  );
  const transportFor = useCallback(
    (place: EndpointPlace, signal?: AbortSignal) => fetcherTransport(fetcherFor(place), url, signal),
    [fetcherFor, url],
  );
  return useMemo(
    () => ({server, serverCheck, relayAvailable, origin, url, relayUrl: `${url}/relay`, fetcherFor, transportFor}),
    [server, serverCheck, relayAvailable, origin, url, fetcherFor, transportFor],
  );
}
