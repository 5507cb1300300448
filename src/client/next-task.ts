const queue: (() => void)[] = [];

// A message, unlike a zero timeout, is not held back 4 ms after a few in a row (React's scheduler
// yields the same way). One message, one callback. The channel opens on first use: an open port
// would keep Node's event loop, and so the build's server render, alive.
let channel: MessageChannel | null | undefined;

function openChannel(): MessageChannel | null {
  if (channel === undefined) {
    channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
    if (channel) channel.port1.onmessage = () => queue.shift()?.();
  }
  return channel;
}

/** Runs `callback` soon, in a task of its own: what ran before it has ended its task and let the browser paint and answer input. */
export function inNewTask(callback: () => void): void {
  const channel = openChannel();
  if (!channel) {
    setTimeout(callback, 0);
    return;
  }
  queue.push(callback);
  channel.port2.postMessage(null);
}

/** Resolves in a new task (see inNewTask). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => inNewTask(resolve));
}

/**
 * Runs `callback` once, in a task of its own after the next frame, or after 50 ms if no frame
 * comes (a tab in the background). Called after a render, it comes after that render's effects,
 * which Preact runs the same way and asked for first.
 */
export function afterNextFrame(callback: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(callback, 0);
  };
  requestAnimationFrame(start);
  setTimeout(start, 50);
}
