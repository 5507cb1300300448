/**
 * How long one slice of work the page schedules for itself (deferred hydration, idle prefetching)
 * may hold the main thread, in milliseconds. React's own scheduler yields after 5. A phone four
 * times slower than this machine still stays under the 50 ms that make a task "long", and so does
 * Lighthouse's simulated phone, which multiplies each task it sees here by four: an idle moment
 * may last up to 50 ms, so filling it would make a 200 ms task on that phone.
 */
export const SLICE_MS = 5;

/**
 * How long a slice may take when the page measures each slice on the device as it goes, and sizes
 * the next one from it (the served text's layout in full, src/components/ServedText/lay-out-in-full.ts).
 * A slower phone then makes more slices, not longer ones; the bound that is left is Lighthouse's
 * simulated phone, which multiplies what a task took here by four: 4 x 10 ms stays under the 50 ms
 * of a long task. The work cannot always be cut finer than this (one relayout of the catalogue's
 * text is about 3 ms here, whatever it adds), so SLICE_MS would make it several times slower.
 */
export const MEASURED_SLICE_MS = 10;
