/**
 * The relay on Node: names are looked up with node:dns, and the connection itself is made through
 * an undici Agent whose lookup refuses the same addresses. The relay checks the address before it
 * calls (for a clear message); the Agent checks it again at the moment of connecting, so a name
 * that changes its answer in between (DNS rebinding) still cannot lead into a private network.
 */
import {lookup, type LookupAddress} from 'node:dns';
import {Agent, fetch as undiciFetch} from 'undici';
import {createRelay, isAllowedAddress, type Relay, type RelayFetch, type RelayOptions} from './relay';

export interface NodeRelaySettings extends Omit<RelayOptions, 'resolveHost' | 'fetch'> {
  /** Per call. Default 10 s. */
  timeoutMs?: number;
}

function resolveHost(hostname: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    lookup(hostname, {all: true, verbatim: true}, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

export function createNodeRelay(settings: NodeRelaySettings = {}): Relay {
  const allowLoopback = settings.allowLoopback ?? false;
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const agent = new Agent({
    connect: {
      timeout: timeoutMs,
      lookup(hostname: string, options: {all?: boolean}, callback: LookupCallback) {
        lookup(hostname, {all: true, verbatim: true}, (error, addresses) => {
          if (error) return callback(error, []);
          const refused = addresses.find((entry) => !isAllowedAddress(entry.address, allowLoopback));
          if (refused || addresses.length === 0) return callback(new Error('This address may not be called by the relay.'), []);
          if (options.all) return callback(null, addresses);
          const first = addresses[0] as LookupAddress;
          return callback(null, first.address, first.family);
        });
      },
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const pinnedFetch: RelayFetch = (url, init) =>
    undiciFetch(url, {...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent}) as unknown as Promise<Response>;
  return createRelay({...settings, allowLoopback, timeoutMs, resolveHost, fetch: pinnedFetch});
}
