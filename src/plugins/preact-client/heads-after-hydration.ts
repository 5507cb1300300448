/**
 * Whether the page's `<Head>`s take part in rendering. They do, except while the served page
 * hydrates: its head is already the one they would write, so they join all together in a task of
 * their own once the page's effects have run (root.ts, helmet.ts). Anything drawn after that (a part on its turn, a page reached by a link,
 * the dev server's page) renders them at once.
 */
let joined = true;
const listeners = new Set<() => void>();

/** Whether Heads render now. */
export function headsJoined(): boolean {
  return joined;
}

/** Calls `listener` when the Heads join; returns the unsubscribe. */
export function onHeadsJoin(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For the hydrating render: Heads stay out until `joinHeads`. */
export function holdHeads(): void {
  joined = false;
}

/** The Heads held by `holdHeads` render, each where it sits. */
export function joinHeads(): void {
  if (joined) return;
  joined = true;
  for (const listener of [...listeners]) listener();
}
