/**
 * How long one slice of work the page schedules for itself (deferred hydration, idle prefetching)
 * may hold the main thread, in milliseconds. React's own scheduler yields after 5. A phone four
 * times slower than this machine still stays under the 50 ms that make a task "long", and so does
 * Lighthouse's simulated phone, which multiplies each task it sees here by four: an idle moment
 * may last up to 50 ms, so filling it would make a 200 ms task on that phone.
 */
export const SLICE_MS = 5;

/**
 * How long a slice should take when the page measures each slice on the device as it goes, and
 * sizes the next one from it (the served text's layout in full, src/components/ServedText/lay-out-in-full.ts).
 * A slower phone then makes more slices, not longer ones; the bound that is left is Lighthouse's
 * simulated phone, which multiplies what a task took here by four. 4 x 8 ms leaves room under the
 * 50 ms of a long task for a slice that runs long (measured here: 1 slice in 10 takes 1.5 to 2
 * times its aim). The work cannot be cut as fine as SLICE_MS: one relayout of the catalogue's
 * text takes 3 to 6 ms here, whatever it adds.
 */
export const MEASURED_SLICE_MS = 8;
