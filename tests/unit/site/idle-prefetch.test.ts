import {describe, expect, it} from 'vitest';
import {deferredPrefetch} from '../../../src/client/idle-prefetch';

describe('deferred prefetching', () => {
  function setup() {
    const fetched: string[] = [];
    const scheduled: Array<() => void> = [];
    const prefetch = deferredPrefetch(
      (url) => {
        fetched.push(url);
        return url === '/known' ? Promise.resolve([]) : false;
      },
      (work) => scheduled.push(work),
    );
    return {fetched, scheduled, prefetch};
  }

  it('fetches nothing until the scheduled moment, then everything asked for, in order, in one batch', async () => {
    const {fetched, scheduled, prefetch} = setup();
    const first = prefetch('/known');
    const second = prefetch('/docs/other');
    expect(fetched).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    expect(fetched).toEqual(['/known', '/docs/other']);
    await expect(first).resolves.toEqual([]);
    // Docusaurus said no to the second (already fetched or a slow connection): it still settles.
    await expect(second).resolves.toEqual([]);
  });

  it('asks for a new moment for prefetches that come after a batch ran', () => {
    const {fetched, scheduled, prefetch} = setup();
    void prefetch('/a');
    scheduled[0]!();
    void prefetch('/b');
    expect(scheduled).toHaveLength(2);
    expect(fetched).toEqual(['/a']);
    scheduled[1]!();
    expect(fetched).toEqual(['/a', '/b']);
  });

  it('settles even when the real prefetch fails', async () => {
    const prefetch = deferredPrefetch(
      () => Promise.reject(new Error('offline')),
      (work) => work(),
    );
    await expect(prefetch('/x')).resolves.toEqual([]);
  });
});
