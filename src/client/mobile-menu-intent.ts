import {useSyncExternalStore} from 'react';

/**
 * Whether the reader has reached for the phone menu (touched or focused its button) since the page
 * loaded. The theme draws the menu's whole content, the docs sidebar included, as soon as a phone
 * has hydrated, hidden until the button is tapped; here it is drawn only once the reader reaches
 * for the button, just before the tap opens it, so that it still slides in.
 */
let reached = false;
const listeners = new Set<() => void>();

export function reachForMobileMenu(): void {
  if (reached) return;
  reached = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMobileMenuReached(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => reached,
    () => false,
  );
}
