import {describe, expect, it} from 'vitest';
import {deferredPrefetch} from '../../../src/client/idle-prefetch';
import {SLICE_MS} from '../../../src/client/main-thread-budget';

type Work = (deadline?: IdleDeadline) => void;

describe('deferred prefetching', () => {
  /** A deferred prefetch on a test clock: each prefetch takes `msPerPrefetch` of it. */
  function setup({sliceSize = 4, msPerPrefetch = 0} = {}) {
    let clock = 0;
    const fetched: string[] = [];
    const afterLoad: Work[] = [];
    const slices: Work[] = [];
    const prefetch = deferredPrefetch(
      (url) => {
        fetched.push(url);
        clock += msPerPrefetch;
        return url === '/known' ? Promise.resolve([]) : false;
      },
      {afterLoad: (work) => afterLoad.push(work), nextSlice: (work) => slices.push(work), sliceSize, now: () => clock},
    );
    return {fetched, afterLoad, slices, prefetch};
  }

  /** An idle moment with `ms` milliseconds left, shrinking by one for each question. */
  function deadline(ms: number): IdleDeadline {
    let left = ms;
    return {didTimeout: false, timeRemaining: () => (left -= 1)};
  }

  it('fetches nothing until the page has loaded, then everything asked for, in order', async () => {
    const {fetched, afterLoad, prefetch} = setup();
    const first = prefetch('/known');
    const second = prefetch('/docs/other');
    expect(fetched).toEqual([]);
    expect(afterLoad).toHaveLength(1);
    afterLoad[0]!();
    expect(fetched).toEqual(['/known', '/docs/other']);
    await expect(first).resolves.toEqual([]);
    // Docusaurus said no to the second (already fetched or a slow connection): it still settles.
    await expect(second).resolves.toEqual([]);
  });

  it('works off a long queue in slices, each in its own idle moment, none lost', () => {
    const {fetched, afterLoad, slices, prefetch} = setup({sliceSize: 3});
    const urls = Array.from({length: 8}, (_, i) => `/docs/page-${i}`);
    for (const url of urls) void prefetch(url);
    afterLoad[0]!();
    expect(fetched).toEqual(urls.slice(0, 3));
    expect(slices).toHaveLength(1);
    // A moment with a deadline runs as much as fits in it: the time left reads 3, 2, then 1 ms,
    // and a slice stops with under 2 ms left, so this one runs three.
    slices[0]!(deadline(4));
    expect(fetched).toEqual(urls.slice(0, 6));
    expect(slices).toHaveLength(2);
    while (fetched.length < urls.length) slices.at(-1)!();
    expect(fetched).toEqual(urls);
  });

  it('stops a slice after SLICE_MS even when the idle moment would last longer', () => {
    const {fetched, afterLoad, slices, prefetch} = setup({msPerPrefetch: 2});
    const urls = Array.from({length: 10}, (_, i) => `/docs/page-${i}`);
    for (const url of urls) void prefetch(url);
    // A 50 ms moment, the longest a browser gives: its deadline never ends the slice here.
    const long: IdleDeadline = {didTimeout: false, timeRemaining: () => 50};
    afterLoad[0]!(long);
    const perSlice = Math.ceil(SLICE_MS / 2);
    expect(fetched).toEqual(urls.slice(0, perSlice));
    expect(slices).toHaveLength(1);
    slices[0]!(long);
    expect(fetched).toEqual(urls.slice(0, 2 * perSlice));
    while (fetched.length < urls.length) slices.at(-1)!(long);
    expect(fetched).toEqual(urls);
  });

  it('asks for a new moment for prefetches that come after the queue ran dry', () => {
    const {fetched, afterLoad, prefetch} = setup();
    void prefetch('/a');
    afterLoad[0]!();
    void prefetch('/b');
    expect(afterLoad).toHaveLength(2);
    expect(fetched).toEqual(['/a']);
    afterLoad[1]!();
    expect(fetched).toEqual(['/a', '/b']);
  });

  it('settles even when the real prefetch fails', async () => {
    const prefetch = deferredPrefetch(() => Promise.reject(new Error('offline')), {afterLoad: (work) => work()});
    await expect(prefetch('/x')).resolves.toEqual([]);
  });
});
