import {afterEach, describe, expect, it, vi} from 'vitest';
import {
  FIRST_SLICE_BLOCKS,
  LAYOUT_IN_FULL_DELAY_MS,
  afterLoadAndDelay,
  layOutInFull,
  nextSliceBlocks,
  type TextBlock,
} from '../../../src/components/ServedText/lay-out-in-full';
import {MEASURED_SLICE_MS} from '../../../src/client/main-thread-budget';

describe('laying a served text out in full', () => {
  /**
   * The pass on a test clock over `count` skipped blocks: a layout costs `baseMs` plus `msPerBlock`
   * for each block it draws. Records which blocks each slice drew, and what each slice cost.
   */
  function setup(count: number, {baseMs = 0, msPerBlock = 0} = {}) {
    let clock = 0;
    const blocks: TextBlock[] = Array.from({length: count}, () => ({style: {contentVisibility: ''}}));
    let drawn = 0;
    const slices: number[][] = [];
    const costs: number[] = [];
    const queued: Array<() => void> = [];
    let started: (() => void) | undefined;
    let asked = 0;
    let done = 0;
    const recorded: Array<[number, number]> = [];
    const cancel = layOutInFull(
      () => {
        asked += 1;
        return blocks;
      },
      () => {
        const nowDrawn = blocks.filter((block) => block.style.contentVisibility === 'visible').length;
        const indexes = blocks.flatMap((block, index) => (index >= drawn && index < nowDrawn ? [index] : []));
        slices.push(indexes);
        const cost = baseMs + msPerBlock * (nowDrawn - drawn);
        costs.push(cost);
        clock += cost;
        drawn = nowDrawn;
      },
      () => {
        done += 1;
      },
      {
        start: (work) => (started = work),
        nextSlice: (work) => queued.push(work),
        now: () => clock,
        record: (start, duration) => recorded.push([start, duration]),
      },
    );
    const runAll = () => {
      started?.();
      for (let guard = 0; queued.length > 0 && guard < 10_000; guard++) queued.shift()!();
    };
    return {blocks, slices, costs, recorded, runAll, cancel, started: () => started, asked: () => asked, done: () => done};
  }

  it('touches nothing until the page is quiet, then draws every skipped block, in order, and says when it is done', () => {
    const pass = setup(50);
    expect(pass.started()).toBeTypeOf('function');
    expect(pass.asked()).toBe(0);
    expect(pass.blocks.every((block) => block.style.contentVisibility === '')).toBe(true);
    pass.runAll();
    expect(pass.asked()).toBe(1);
    expect(pass.blocks.every((block) => block.style.contentVisibility === 'visible')).toBe(true);
    expect(pass.slices.flat()).toEqual(Array.from({length: 50}, (_, index) => index));
    expect(pass.done()).toBe(1);
  });

  it('records each slice where it began and what it took, for DevTools', () => {
    const pass = setup(30, {baseMs: 2, msPerBlock: 0.5});
    pass.runAll();
    expect(pass.recorded).toHaveLength(pass.slices.length);
    let clock = 0;
    pass.recorded.forEach(([start, duration], index) => {
      expect(start).toBe(clock);
      expect(duration).toBe(pass.costs[index]);
      clock += duration;
    });
  });

  it('starts with a few blocks and grows the slices while they are cheap', () => {
    const pass = setup(200, {msPerBlock: 0.01});
    pass.runAll();
    expect(pass.slices[0]).toHaveLength(FIRST_SLICE_BLOCKS);
    expect(pass.slices[1]).toHaveLength(FIRST_SLICE_BLOCKS * 2);
    expect(pass.slices.length).toBeLessThan(6);
  });

  it('keeps every slice near the budget when each block is dear, and still finishes', () => {
    // About what the catalogue's blocks cost here: a relayout of 1 ms plus half a millisecond a block.
    const pass = setup(220, {baseMs: 1, msPerBlock: 0.5});
    pass.runAll();
    expect(pass.done()).toBe(1);
    expect(pass.slices.flat()).toHaveLength(220);
    // After the first, no slice overshoots by more than the quarter it grew by, and on average they keep to it.
    const later = pass.costs.slice(1);
    expect(Math.max(...later)).toBeLessThanOrEqual(1.25 * MEASURED_SLICE_MS);
    expect(later.reduce((sum, cost) => sum + cost, 0) / later.length).toBeLessThanOrEqual(MEASURED_SLICE_MS);
  });

  it('does not get stuck at one block when most of a slice is the relayout every slice pays', () => {
    // The catalogue here: about 6 ms a relayout, 0.3 ms a block, against a budget of 8.
    const pass = setup(215, {baseMs: 6, msPerBlock: 0.3});
    pass.runAll();
    expect(pass.done()).toBe(1);
    const sizes = pass.slices.map((slice) => slice.length);
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(mean).toBeGreaterThan(3);
    expect(Math.max(...pass.costs.slice(1))).toBeLessThanOrEqual(MEASURED_SLICE_MS + 3);
  });

  it('draws one block a slice when even one costs more than the budget (a slow phone)', () => {
    const pass = setup(10, {baseMs: 12, msPerBlock: 2});
    pass.runAll();
    expect(pass.slices.map((slice) => slice.length)).toEqual([8, 2]);
    const slow = setup(20, {baseMs: 12, msPerBlock: 2});
    slow.runAll();
    expect(slow.slices.slice(1).every((slice) => slice.length <= 4)).toBe(true);
    expect(slow.slices.at(-1)).toHaveLength(1);
    expect(slow.done()).toBe(1);
  });

  it('with nothing skipped (a reload, laid out in full), says it is done at once without a layout', () => {
    const pass = setup(0);
    pass.runAll();
    expect(pass.slices).toEqual([]);
    expect(pass.done()).toBe(1);
    // Finding that nothing is skipped is still the pass's work, and recorded as such.
    expect(pass.recorded).toHaveLength(1);
  });

  it('stops when cancelled (the reader left the page) and never says it is done', () => {
    const pass = setup(100, {msPerBlock: 2});
    pass.started()!();
    pass.cancel();
    pass.runAll();
    expect(pass.slices).toHaveLength(1);
    expect(pass.done()).toBe(0);
    expect(pass.blocks.filter((block) => block.style.contentVisibility === 'visible')).toHaveLength(FIRST_SLICE_BLOCKS);
  });
});

describe('the size of the next slice', () => {
  it('doubles under half the budget, grows by a quarter within it, halves over it', () => {
    expect(nextSliceBlocks(8, MEASURED_SLICE_MS / 2 - 0.1)).toBe(16);
    expect(nextSliceBlocks(8, 0)).toBe(16);
    expect(nextSliceBlocks(8, MEASURED_SLICE_MS * 0.75)).toBe(10);
    expect(nextSliceBlocks(8, MEASURED_SLICE_MS)).toBe(10);
    expect(nextSliceBlocks(1, MEASURED_SLICE_MS * 0.75)).toBe(2);
    expect(nextSliceBlocks(8, MEASURED_SLICE_MS + 0.1)).toBe(4);
    expect(nextSliceBlocks(9, MEASURED_SLICE_MS * 10)).toBe(4);
  });

  it('never drops below one block, however dear one is', () => {
    expect(nextSliceBlocks(1, MEASURED_SLICE_MS * 5)).toBe(1);
    expect(nextSliceBlocks(2, MEASURED_SLICE_MS * 5)).toBe(1);
  });
});

describe('when the layout in full starts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A page in the given ready state, on fake timers; its idle moments come 10 ms after they are asked for. */
  function page(readyState: DocumentReadyState) {
    vi.useFakeTimers();
    const onLoad: Array<() => void> = [];
    vi.stubGlobal('document', {readyState});
    vi.stubGlobal('window', {
      setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
      requestIdleCallback: (callback: () => void) => setTimeout(callback, 10),
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'load') onLoad.push(listener);
      },
    });
    return {load: () => onLoad.splice(0).forEach((listener) => listener())};
  }

  it('waits LAYOUT_IN_FULL_DELAY_MS after a page that has loaded, then for a quiet moment', () => {
    page('complete');
    const work = vi.fn();
    afterLoadAndDelay(work);
    vi.advanceTimersByTime(LAYOUT_IN_FULL_DELAY_MS);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('counts the delay from the load event on a page still loading', () => {
    const {load} = page('interactive');
    const work = vi.fn();
    afterLoadAndDelay(work);
    vi.advanceTimersByTime(LAYOUT_IN_FULL_DELAY_MS * 2);
    expect(work).not.toHaveBeenCalled();
    load();
    vi.advanceTimersByTime(LAYOUT_IN_FULL_DELAY_MS - 1);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(11);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
