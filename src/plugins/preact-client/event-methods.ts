import {options} from 'preact';

/**
 * preact/compat gives every event its handlers see React's `isDefaultPrevented` and
 * `isPropagationStopped`. The search bar's autocomplete (zepto inside autocomplete.js) takes an
 * event that already has `isDefaultPrevented` for one of its own and then calls
 * `isImmediatePropagationStopped`, which it would otherwise have added: typing in the search box
 * threw. The missing method is added here, true once `stopImmediatePropagation` was called.
 */
type TrackedEvent = Event & {isImmediatePropagationStopped?: () => boolean};

const previous = options.event;
options.event = (event: TrackedEvent) => {
  const tracked = (previous ? previous(event) : event) as TrackedEvent;
  if (typeof tracked.isImmediatePropagationStopped !== 'function') {
    let stopped = false;
    const stopImmediatePropagation = tracked.stopImmediatePropagation;
    tracked.stopImmediatePropagation = function stop(this: Event) {
      stopped = true;
      stopImmediatePropagation.call(this);
    };
    tracked.isImmediatePropagationStopped = () => stopped;
  }
  return tracked;
};

export {};
