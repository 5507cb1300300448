import {afterEach, describe, expect, it, vi} from 'vitest';
import {inNewTask, nextTask} from '../../../src/client/next-task';

describe('a new task', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('runs after the current task and its promise callbacks, one callback per task, in order', async () => {
    const order: string[] = [];
    inNewTask(() => order.push('first task'));
    inNewTask(() => order.push('second task'));
    void Promise.resolve().then(() => order.push('promise callback'));
    order.push('current task');
    expect(order).toEqual(['current task']);
    await nextTask();
    expect(order).toEqual(['current task', 'promise callback', 'first task', 'second task']);
  });

  it('runs in a timer where there is no MessageChannel', async () => {
    vi.stubGlobal('MessageChannel', undefined);
    vi.resetModules();
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const fresh = await import('../../../src/client/next-task');
    let ran = false;
    fresh.inNewTask(() => (ran = true));
    expect(ran).toBe(false);
    expect(timers).toHaveBeenCalledTimes(1);
    await fresh.nextTask();
    expect(ran).toBe(true);
    timers.mockRestore();
  });
});
