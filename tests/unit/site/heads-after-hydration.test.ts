import {afterEach, describe, expect, it, vi} from 'vitest';

// A fresh copy of the module for each test: its state is the page's.
const load = () => import('../../../src/plugins/preact-client/heads-after-hydration');

describe('heads after hydration', () => {
  afterEach(() => {
    vi.resetModules();
  });

  it('renders Heads at once unless a hydrating render holds them', async () => {
    const heads = await load();
    expect(heads.headsJoined()).toBe(true);
    heads.holdHeads();
    expect(heads.headsJoined()).toBe(false);
  });

  it('tells each held Head once when they join, and no one who has left', async () => {
    const heads = await load();
    heads.holdHeads();
    const told: string[] = [];
    heads.onHeadsJoin(() => told.push('title'));
    const leave = heads.onHeadsJoin(() => told.push('left before the join'));
    heads.onHeadsJoin(() => told.push('canonical link'));
    leave();
    heads.joinHeads();
    expect(heads.headsJoined()).toBe(true);
    expect(told).toEqual(['title', 'canonical link']);
    heads.joinHeads();
    expect(told).toEqual(['title', 'canonical link']);
  });
});
