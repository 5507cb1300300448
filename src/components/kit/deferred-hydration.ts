import type {ReactNode} from 'react';

/** What a part holds, drawn when its turn comes (its elements are made only then). */
export type PartContent = () => ReactNode;

/** A block of the served page that hydrates on its own turn, after the page (see DeferredBlock.tsx). */
export interface DeferredPart {
  /** The part's content and the context it reads, from a later render of the page. */
  update(content: PartContent, context: object): void;
  /** The part has left the page. */
  remove(): void;
}

/**
 * Takes a served element, what it holds, and the element whose box shows where the part is on the
 * screen (null: none to go by); hydrates it later, in a slice of its own.
 */
export type DeferPart = (element: Element, content: PartContent, context: object, box: Element | null) => DeferredPart;

/**
 * The User Timing measure each turn of a deferred part leaves in the browser (DevTools shows it in
 * its Timings track), its detail saying which part (the tag and first class of the element that
 * shows where it is) and which step: what a trace needs to tell which part made a long task, and
 * what the tests read to see which parts have hydrated.
 */
export const PART_TURN_MEASURE = 'deferred part: turn';

export interface PartTurnDetail {
  part: string;
  /** Hydrated (its handlers on, drawn as served), or switched to the browser's drawing. */
  step: 'hydrate' | 'switch';
}

let current: DeferPart | null = null;

/** While the served page, or a part of it, is hydrating (in the browser), what defers a part; otherwise null. */
export function partDeferral(): DeferPart | null {
  return current;
}

/** Runs `hydrate`, a render that hydrates the served page or a deferred part of it, with the parts in it deferred through `defer`. */
export function deferringParts<T>(defer: DeferPart, hydrate: () => T): T {
  const previous = current;
  current = defer;
  try {
    return hydrate();
  } finally {
    current = previous;
  }
}
