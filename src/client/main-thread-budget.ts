/**
 * How long one slice of work the page schedules for itself (deferred hydration, idle prefetching)
 * may hold the main thread, in milliseconds. React's own scheduler yields after 5. A phone four
 * times slower than this machine still stays under the 50 ms that make a task "long", and so does
 * Lighthouse's simulated phone, which multiplies each task it sees here by four: an idle moment
 * may last up to 50 ms, so filling it would make a 200 ms task on that phone.
 */
export const SLICE_MS = 5;
