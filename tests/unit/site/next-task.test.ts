import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
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

  it('opens nothing on import: a Node process that only imports it (the build renders pages so) ends', () => {
    const module = join(__dirname, '../../../src/client/next-task.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', `await import(${JSON.stringify(module)})`], {
      timeout: 15_000,
      encoding: 'utf8',
    });
    expect(run.error, 'the process was still running after 15 s').toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
