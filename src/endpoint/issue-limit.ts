/**
 * How often one client may ask for test credentials: a token bucket per client address, so one
 * busy client runs out on its own and everyone else keeps getting connections. The buckets are an
 * lru-cache, so a flood of addresses costs a bounded amount of memory (the oldest are forgotten,
 * which only ever gives a forgotten client a full bucket back).
 */
import {LRUCache} from 'lru-cache';

export interface IssueLimitOptions {
  /** Credentials one address may be issued per minute (also the burst). Default 30. */
  perMinute?: number;
  /** Addresses remembered at once. Default 50,000. */
  maxClients?: number;
  now?: () => number;
}

export interface IssueLimit {
  /** Takes one token for this client; returns 0 when allowed, else the seconds to wait. */
  take(clientAddress: string | undefined): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export const DEFAULT_ISSUES_PER_MINUTE = 30;

/**
 * One IPv6 customer usually holds a whole /64, so its addresses share a bucket; IPv4 addresses
 * (also IPv4-mapped IPv6) count one by one.
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  if (!plain.includes(':')) return plain;
  const address6 = plain.split('%')[0]!.toLowerCase();
  const [head = '', tail] = address6.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array.from({length: Math.max(0, 8 - headGroups.length - tailGroups.length)}, () => '0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function createIssueLimit(options: IssueLimitOptions = {}): IssueLimit {
  const perMinute = Math.max(1, options.perMinute ?? DEFAULT_ISSUES_PER_MINUTE);
  const now = options.now ?? Date.now;
  const buckets = new LRUCache<string, Bucket>({max: Math.max(1, options.maxClients ?? 50_000)});
  return {
    take(clientAddress) {
      const key = clientKey(clientAddress);
      const at = now();
      const bucket = buckets.get(key) ?? {tokens: perMinute, at};
      bucket.tokens = Math.min(perMinute, bucket.tokens + ((at - bucket.at) * perMinute) / 60_000);
      bucket.at = at;
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        return Math.ceil(((1 - bucket.tokens) * 60) / perMinute);
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      return 0;
    },
  };
}
