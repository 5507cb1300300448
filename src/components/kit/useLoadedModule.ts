import {useEffect, useState} from 'react';
import {nextTask} from '../../client/next-task';

/** Code that loads on demand: `() => import('./Part')`. */
export type ModuleLoader<M> = () => Promise<M>;

/** What a loader has given so far, shared by every component that uses the same loader. */
interface LoadState {
  module?: unknown;
  pending?: Promise<unknown>;
}

const states = new WeakMap<ModuleLoader<unknown>, LoadState>();

function stateOf(load: ModuleLoader<unknown>): LoadState {
  let state = states.get(load);
  if (!state) {
    state = {};
    states.set(load, state);
  }
  return state;
}

export interface LoadedModule<M> {
  /** The module, once it has arrived (at once when it had already been loaded on this page). */
  module: M | undefined;
  /** Why it could not be loaded (a chunk that would not download); the next mount tries again. */
  error: unknown;
}

/**
 * Loads code after the component has mounted, without Suspense: the first render (the server's,
 * and the one that hydrates its HTML) never waits for code, and the component draws itself again
 * once the module is there. Used instead of `React.lazy` in the browser bundle, because the
 * browser runs on preact/compat, whose Suspense has crashed while hydrating. Until `wanted` is
 * true nothing loads, and the module is not given even if another part has loaded it.
 */
export function useLoadedModule<M>(load: ModuleLoader<M>, wanted = true): LoadedModule<M> {
  const shared = stateOf(load);
  const [, setArrived] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  // What this render saw; the module may arrive (loaded for another part) before the effect runs.
  const drawnWithModule = wanted && shared.module !== undefined;
  useEffect(() => {
    if (drawnWithModule || !wanted) return undefined;
    let mounted = true;
    if (shared.module === undefined) {
      shared.pending ??= load().then(
        (module) => {
          shared.module = module;
        },
        (reason: unknown) => {
          // Forget the failure so that a later mount (the widget's "start again") tries anew.
          shared.pending = undefined;
          throw reason;
        },
      );
    }
    // The render that draws the module gets a task of its own. Otherwise it runs in the task of the
    // chunk's script, as a microtask, and the two make one long task (the .qwc generator: 80 ms).
    (shared.pending ?? Promise.resolve()).then(nextTask).then(
      () => mounted && setArrived((count) => count + 1),
      (reason: unknown) => mounted && setError(reason ?? new Error('The code did not load')),
    );
    return () => {
      mounted = false;
    };
  }, [drawnWithModule, wanted, load, shared]);
  return {module: wanted ? (shared.module as M | undefined) : undefined, error};
}
