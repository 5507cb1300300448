import {Component, createElement, hydrate, options, render, type ComponentChildren, type ComponentType} from 'preact';
import {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';
import {deferringParts, type DeferPart, type DeferredPart, type PartContent} from '../../components/kit/deferred-hydration';
import {SLICE_MS} from '../../client/main-thread-budget';
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
  state: 'waiting' | 'drawn' | 'removed';
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
 * that draw differently in the browser (code blocks in the dark theme) then draw again. A part
 * hydrates after that switch, so it gets the same two steps: false while it hydrates, true right
 * after.
 */
class BrowserAfterHydration extends Component<{children?: ComponentChildren}, {hydrated: boolean}> {
  override state = {hydrated: false};

  override componentDidMount(): void {
    this.setState({hydrated: true});
  }

  render(): ComponentChildren {
    const Provider = BrowserContext.Provider as unknown as ComponentType<{value: boolean}>;
    return createElement(Provider, {value: this.state.hydrated}, this.props.children);
  }
}

const waiting: Part[] = [];
let sliceScheduled = false;
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

function draw(part: Part): void {
  withRendersNow(() => drawTree(part));
}

function drawTree(part: Part): void {
  const tree = createElement(
    ContextBridge,
    {context: part.context},
    createElement(BrowserAfterHydration, null, part.content() as ComponentChildren),
  );
  if (part.state === 'waiting') {
    part.state = 'drawn';
    // The parts within a part (a doc's blocks within its text) wait for turns of their own.
    deferringParts(deferPart, () => hydrate(tree, part.element));
  } else if (part.state === 'drawn') {
    render(tree, part.element);
  }
}

/** Hydrates waiting parts, in the page's order, until the slice's time is up. */
function runSlice(): void {
  sliceScheduled = false;
  const end = performance.now() + SLICE_MS;
  let done = 0;
  while (done < waiting.length) {
    const part = waiting[done++]!;
    if (part.state === 'waiting') draw(part);
    if (performance.now() >= end) break;
  }
  waiting.splice(0, done);
  if (waiting.length > 0) scheduleSlice();
  else stopListening();
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

/** Draws the waiting part the event is headed for, so its handlers are there when it arrives. */
function drawTarget(event: Event): void {
  const target = event.target;
  if (!(target instanceof Node)) return;
  for (const part of waiting) {
    if (part.state === 'waiting' && part.element.contains(target)) draw(part);
  }
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

/** The browser's way to defer a part while the served page hydrates (see src/components/kit/DeferredBlock.tsx). */
export const deferPart: DeferPart = (element, content, context): DeferredPart => {
  const part: Part = {element, content, context, state: 'waiting'};
  waiting.push(part);
  startListening();
  scheduleFirstSlice();
  return {
    update(nextContent, nextContext) {
      part.content = nextContent;
      part.context = nextContext;
      // Inside the page's own render: the renders this asks for run with the page's, not now.
      if (part.state === 'drawn') drawTree(part);
    },
    remove() {
      if (part.state === 'drawn') render(null, part.element);
      part.state = 'removed';
    },
  };
};
