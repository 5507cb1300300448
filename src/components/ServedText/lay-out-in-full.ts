import {MEASURED_SLICE_MS} from '../../client/main-thread-budget';
import {afterLoad, whenIdle} from '../../client/idle-prefetch';

/**
 * Set on a served text (its `.theme-doc-markdown`) once every block of it is laid out: from then
 * on, a jump anywhere in it lands on words that stay where they landed.
 */
export const LAID_OUT_IN_FULL_ATTRIBUTE = 'data-laid-out-in-full';

/**
 * The name of the User Timing measure each slice leaves (DevTools shows it in its Timings track):
 * what the layout in full cost, slice by slice, and where.
 */
export const LAYOUT_SLICE_MEASURE = 'served text: layout slice';

/**
 * How long after the load the layout in full waits before its first slice, in milliseconds. The
 * first seconds of a page are the reader's: the first tap, the first scroll, the menu. The pass
 * costs the main thread about 20 ms a slice here, its layout and the frame that paints it, 40 to
 * 50 times on the catalogue; started at the first quiet moment it ran within those seconds, and
 * added about 30 ms to Lighthouse's blocking time there (110, 86 and 124 ms against 70, 74 and
 * 88 without it). A jump made before it has finished lands as it did before the pass existed.
 */
export const LAYOUT_IN_FULL_DELAY_MS = 3_000;

/** Runs `work` at a quiet moment once the document has loaded and LAYOUT_IN_FULL_DELAY_MS more have passed. */
export function afterLoadAndDelay(work: () => void): void {
  afterLoad(() => window.setTimeout(() => whenIdle(work), LAYOUT_IN_FULL_DELAY_MS));
}

/** A block of the text, as this module touches it: its inline style. */
export interface TextBlock {
  style: {contentVisibility: string};
}

export interface LayOutTiming {
  /** When the first slice may run: a quiet moment, LAYOUT_IN_FULL_DELAY_MS after the load. */
  start?: (work: () => void) => void;
  /** When each further slice may run. */
  nextSlice?: (work: () => void) => void;
  /** The clock a slice measures its time by. */
  now?: () => number;
  /** Records a slice that began at `start` and took `duration` ms. */
  record?: (start: number, duration: number) => void;
}

function recordSlice(start: number, duration: number): void {
  try {
    performance.measure(LAYOUT_SLICE_MEASURE, {start, duration});
  } catch {
    // A browser without User Timing's options: nothing is recorded, nothing else changes.
  }
}

/** How many blocks the first slice lays out, before it knows what a slice costs. */
export const FIRST_SLICE_BLOCKS = 8;

/**
 * How many blocks the next slice lays out, after one of `blocks` took `spent` ms. A slice's cost
 * is mostly fixed: each layout places every block of the text again, about 6 ms on the catalogue
 * here, and each block it adds costs a few tenths of a millisecond more. So the slice doubles while
 * it takes under half of MEASURED_SLICE_MS, grows by a quarter (at least one block) while it fits,
 * and halves when it does not: the sizes settle just under the aim, and one slow slice (a
 * collection, another task's work) only halves the next.
 */
export function nextSliceBlocks(blocks: number, spent: number): number {
  if (spent < MEASURED_SLICE_MS / 2) return blocks * 2;
  if (spent <= MEASURED_SLICE_MS) return blocks + Math.ceil(blocks / 4);
  return Math.max(1, Math.floor(blocks / 2));
}

/**
 * Lays out, in the page's quiet moments from a few seconds after it loads (LAYOUT_IN_FULL_DELAY_MS),
 * the blocks of a served text the browser still skips (content-visibility: auto,
 * src/css/custom.css). A skipped block stands in at an estimated height;
 * a jump to the middle of the text (find in page, a scrollbar dragged, a control brought into
 * view) draws the blocks it lands among at their real heights a few frames later, and the words
 * the reader jumped to moved by hundreds of pixels. Laid out while the reader reads the first
 * screen, every block has its real height before any jump.
 *
 * Each slice lays out as many blocks as fit in MEASURED_SLICE_MS, going by what the last slice
 * cost (nextSliceBlocks), so no slice makes a long task on a slow phone either. `layOut` makes the
 * browser lay the slice out at once (a layout read), in the slice's own quiet moment: its cost is
 * then measured there, and the next frame only paints. Left to the next frame, the layout would
 * come with that frame's own work (about 8 ms here even for one block: prepaint, paint, commit),
 * and the slices could not be told apart from it. `skippedBlocks` is asked once, in the first
 * slice. Returns the cancel.
 */
export function layOutInFull(
  skippedBlocks: () => readonly TextBlock[],
  layOut: () => void,
  onDone: () => void,
  {start = afterLoadAndDelay, nextSlice = whenIdle, now = () => performance.now(), record = recordSlice}: LayOutTiming = {},
): () => void {
  let stopped = false;
  let pending: TextBlock[] | undefined;
  let sliceBlocks = FIRST_SLICE_BLOCKS;
  const runSlice = () => {
    if (stopped) return;
    // Finding the skipped blocks reads their style: the first slice's own work, measured with it.
    const began = now();
    pending ??= [...skippedBlocks()];
    const slice = pending.splice(0, sliceBlocks);
    if (slice.length > 0) {
      for (const block of slice) block.style.contentVisibility = 'visible';
      layOut();
    }
    const spent = now() - began;
    record(began, spent);
    if (slice.length > 0) sliceBlocks = nextSliceBlocks(slice.length, spent);
    if (pending.length > 0) nextSlice(runSlice);
    else onDone();
  };
  start(runSlice);
  return () => {
    stopped = true;
  };
}
