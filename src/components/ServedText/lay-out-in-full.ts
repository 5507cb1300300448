import {MEASURED_SLICE_MS} from '../../client/main-thread-budget';
import {afterLoadWhenIdle, whenIdle} from '../../client/idle-prefetch';

/**
 * Set on a served text (its `.theme-doc-markdown`) once every block of it is laid out: from then
 * on, a jump anywhere in it lands on words that stay where they landed.
 */
export const LAID_OUT_IN_FULL_ATTRIBUTE = 'data-laid-out-in-full';

/** A block of the text, as this module touches it: its inline style. */
export interface TextBlock {
  style: {contentVisibility: string};
}

export interface LayOutTiming {
  /** When the first slice may run: once the page has loaded and the main thread is quiet. */
  start?: (work: () => void) => void;
  /** When each further slice may run. */
  nextSlice?: (work: () => void) => void;
  /** The clock a slice measures its time by. */
  now?: () => number;
}

/** How many blocks the first slice lays out, before it knows what a slice costs. */
export const FIRST_SLICE_BLOCKS = 8;

/**
 * How many blocks the next slice lays out, after one of `blocks` took `spent` ms. A slice's cost
 * is not proportional to its blocks: each layout also places every block of the text again, about
 * 3 ms on the catalogue here. So the slice doubles while it takes under half of
 * MEASURED_SLICE_MS, halves when it takes more, and otherwise stays.
 */
export function nextSliceBlocks(blocks: number, spent: number): number {
  if (spent < MEASURED_SLICE_MS / 2) return blocks * 2;
  if (spent > MEASURED_SLICE_MS) return Math.max(1, Math.floor(blocks / 2));
  return blocks;
}

/**
 * Lays out, in the page's quiet moments, the blocks of a served text the browser still skips
 * (content-visibility: auto, src/css/custom.css). A skipped block stands in at an estimated height;
 * a jump to the middle of the text (find in page, a scrollbar dragged, a control brought into
 * view) draws the blocks it lands among at their real heights a few frames later, and the words
 * the reader jumped to moved by hundreds of pixels. Laid out while the reader reads the first
 * screen, every block has its real height before any jump.
 *
 * Each slice lays out as many blocks as fit in MEASURED_SLICE_MS, going by what the last slice cost
 * (nextSliceBlocks), so no slice makes a long task on a slow phone either. `skippedBlocks` is asked once, in
 * the first slice; `layOut` makes the browser lay out now (a layout read), so that the slice's
 * cost is measured in it. Returns the cancel.
 */
export function layOutInFull(
  skippedBlocks: () => readonly TextBlock[],
  layOut: () => void,
  onDone: () => void,
  {start = afterLoadWhenIdle, nextSlice = whenIdle, now = () => performance.now()}: LayOutTiming = {},
): () => void {
  let stopped = false;
  let pending: TextBlock[] | undefined;
  let sliceBlocks = FIRST_SLICE_BLOCKS;
  const runSlice = () => {
    if (stopped) return;
    pending ??= [...skippedBlocks()];
    const slice = pending.splice(0, sliceBlocks);
    const began = now();
    for (const block of slice) block.style.contentVisibility = 'visible';
    if (slice.length > 0) layOut();
    sliceBlocks = nextSliceBlocks(sliceBlocks, now() - began);
    if (pending.length > 0) nextSlice(runSlice);
    else onDone();
  };
  start(runSlice);
  return () => {
    stopped = true;
  };
}
