import {Component, createElement, hydrate, options, render, type ComponentChildren, type ComponentType} from 'preact';
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';
import {
  PART_TURN_MEASURE,
  deferringParts,
  type DeferPart,
  type DeferredPart,
  type PartContent,
  type PartTurnDetail,
} from '../../components/kit/deferred-hydration';
import {SLICE_MS} from '../../client/main-thread-budget';
import {whenNearScreen} from '../../client/near-screen';
import {afterNextFrame, inNewTask} from '../../client/next-task';

/**
 * What a tap, a click, a key or focus inside a waiting part draws at once. The listeners are on the
 * document's capture phase, which comes before the event reaches the part's own handlers (focus,
 * which does not bubble, has one too).
 */
const DRAWING_EVENTS = ['pointerdown', 'focus', 'click', 'keydown'] as const;

interface Part {
  element: Element;
  content: PartContent;
  context: object;
  /**
   * - waiting: its served markup, not hydrated yet;
   * - hydrated: its handlers are on, but it still draws as the server did (BrowserAfterHydration);
   * - drawn: it draws as the browser does, like the rest of the page.
   */
  state: 'waiting' | 'hydrated' | 'drawn' | 'removed';
  /** What shows where the part is on the screen (see DeferPart). */
  box: Element | null;
  /** Whether it is in the slices' queue: it has come near the screen. */
  queued: boolean;
  /** Stops waiting for the box to come near the screen. */
  stopWatching?: () => void;
  /** Turns BrowserAfterHydration on, once the part has hydrated. */
  switchToBrowser?: () => void;
}

/** Hands the page's context (taken where the part sits) to the part's own tree. */
class ContextBridge extends Component<{context: object; children?: ComponentChildren}> {
  getChildContext(): object {
    return this.props.context;
  }

  render(): ComponentChildren {
    return this.props.children;
  }
}

/**
 * Docusaurus's "is browser" is false while the served page hydrates and true once it has: parts
 * that draw differently in the browser (code blocks in the dark theme, the colour toggle, enabled
 * only then) then draw again. A part hydrates after that switch, so it gets the same two steps:
 * false while it hydrates, true after. The second step draws the whole part again, which costs
 * about as much as hydrating it, so it is a turn of its own (see `hydrateOnly`), unless the part
 * was drawn for an event, which must find the part as the browser draws it.
 */
class BrowserAfterHydration extends Component<{part: Part; atOnce: boolean; children?: ComponentChildren}, {hydrated: boolean}> {
  override state = {hydrated: false};

  override componentDidMount(): void {
    const switchToBrowser = () => this.setState({hydrated: true});
    if (this.props.atOnce) switchToBrowser();
    else this.props.part.switchToBrowser = switchToBrowser;
  }

  render(): ComponentChildren {
    const Provider = BrowserContext.Provider as unknown as ComponentType<{value: boolean}>;
    return createElement(Provider, {value: this.state.hydrated}, this.props.children);
  }
}

function describe(part: Part): string {
  const element = part.box ?? part.element;
  const firstClass = element.classList[0];
  return element.tagName.toLowerCase() + (firstClass ? `.${firstClass}` : '');
}

/** The parts not yet drawn as the browser draws them (waiting or hydrated), for the events that draw them at once. */
const pending = new Set<Part>();
/** What the slices work off: parts that have come near the screen, in the order they came. */
const queue: Part[] = [];
let sliceScheduled = false;
/** Whether the first slice has run. */
let sliced = false;
let listening = false;

/**
 * Runs `work` and the renders it asks for (Preact would run them in a microtask, after the slice has
 * measured its time), so a slice's clock sees all it did.
 */
function withRendersNow(work: () => void): void {
  const previous = options.debounceRendering;
  let flush: (() => void) | undefined;
  options.debounceRendering = (callback) => {
    flush = callback;
  };
  try {
    work();
  } finally {
    options.debounceRendering = previous;
  }
  flush?.();
}

/** Hydrates the part and draws it as the browser does, at once: for an event headed into it. */
function drawNow(part: Part): void {
  withRendersNow(() => {
    if (part.state === 'waiting') drawTree(part, true);
    switchNow(part);
  });
}

/** Hydrates the part, still drawn as the server did; its switch waits for a turn of its own. Returns whether that switch is still to come. */
function hydrateOnly(part: Part): boolean {
  withRendersNow(() => drawTree(part, false));
  return part.state === 'hydrated';
}

function switchNow(part: Part): void {
  if (part.state !== 'hydrated') return;
  part.state = 'drawn';
  forget(part);
  const switchToBrowser = part.switchToBrowser;
  part.switchToBrowser = undefined;
  withRendersNow(() => switchToBrowser?.());
}

function drawTree(part: Part, atOnce: boolean): void {
  const tree = createElement(
    ContextBridge,
    {context: part.context},
    createElement(BrowserAfterHydration, {part, atOnce}, part.content() as ComponentChildren),
  );
  if (part.state === 'waiting') {
    part.state = 'hydrated';
    // The parts within a part (a doc's blocks within its text) wait for turns of their own.
    deferringParts(deferPart, () => hydrate(tree, part.element));
  } else if (part.state === 'hydrated' || part.state === 'drawn') {
    render(tree, part.element);
  }
}

/**
 * Works off the queue until the slice's time is up: a waiting part is hydrated, and its switch to
 * the browser's drawing goes back in the queue right after it, so the two never make one task.
 */
function runSlice(): void {
  sliceScheduled = false;
  sliced = true;
  const end = performance.now() + SLICE_MS;
  let done = 0;
  while (done < queue.length) {
    const part = queue[done++]!;
    const start = performance.now();
    const detail: PartTurnDetail = {part: describe(part), step: part.state === 'waiting' ? 'hydrate' : 'switch'};
    if (part.state === 'waiting') {
      if (hydrateOnly(part)) queue.splice(done, 0, part);
    } else if (part.state === 'hydrated') switchNow(part);
    else continue;
    performance.measure(PART_TURN_MEASURE, {start, detail});
    if (performance.now() >= end) break;
  }
  queue.splice(0, done);
  if (queue.length > 0) scheduleSlice();
}

function scheduleSlice(): void {
  if (sliceScheduled) return;
  sliceScheduled = true;
  inNewTask(runSlice);
}

/**
 * The first slice waits for the page's effects (afterNextFrame): they drop what a phone does not
 * show (the desktop sidebar and table of contents), and a part dropped before its turn is never
 * hydrated.
 */
function scheduleFirstSlice(): void {
  if (sliceScheduled) return;
  sliceScheduled = true;
  afterNextFrame(runSlice);
}

/**
 * Draws the parts the event is headed for, so their handlers are there when it arrives. A part
 * drawn here may hold parts of its own, added to `pending` as it hydrates: the loop reaches them too.
 */
function drawTarget(event: Event): void {
  const target = event.target;
  if (!(target instanceof Node)) return;
  for (const part of pending) {
    if (part.element.contains(target)) drawNow(part);
  }
}

function enqueue(part: Part): void {
  part.stopWatching?.();
  if (part.queued || part.state !== 'waiting') return;
  part.queued = true;
  queue.push(part);
  if (sliced) scheduleSlice();
  else scheduleFirstSlice();
}

/**
 * Queues the part once its box comes within a screen of the view (whenNearScreen). A text far down
 * the page (a long table of fields, the footer) is not hydrated at load: it stays the served HTML
 * until the reader nears it or reaches into it (drawTarget).
 */
function watch(part: Part): void {
  if (part.box) part.stopWatching = whenNearScreen(part.box, () => enqueue(part));
  else enqueue(part);
}

function startListening(): void {
  if (listening) return;
  listening = true;
  for (const type of DRAWING_EVENTS) document.addEventListener(type, drawTarget, {capture: true, passive: true});
}

function stopListening(): void {
  if (!listening) return;
  listening = false;
  for (const type of DRAWING_EVENTS) document.removeEventListener(type, drawTarget, {capture: true});
}

/** A part drawn as the browser draws it, or gone: nothing is left to do for it. */
function forget(part: Part): void {
  pending.delete(part);
  part.stopWatching?.();
  if (pending.size === 0) stopListening();
}

/** The browser's way to defer a part while the served page hydrates (see src/components/kit/DeferredBlock.tsx). */
export const deferPart: DeferPart = (element, content, context, box): DeferredPart => {
  const part: Part = {element, content, context, box, state: 'waiting', queued: false};
  pending.add(part);
  startListening();
  watch(part);
  return {
    update(nextContent, nextContext) {
      part.content = nextContent;
      part.context = nextContext;
      // Inside the page's own render: the renders this asks for run with the page's, not now.
      if (part.state === 'hydrated' || part.state === 'drawn') drawTree(part, false);
    },
    remove() {
      if (part.state === 'hydrated' || part.state === 'drawn') render(null, part.element);
      part.state = 'removed';
      forget(part);
    },
  };
};
