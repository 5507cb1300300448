/** A fetch-shaped function: the window's fetch, or the in-page endpoint's. In a module of its own, so a widget on every page can name it without loading the test-endpoint client. */
export type FetchLike = (request: Request) => Promise<Response>;

/** The window's own fetch, as a FetchLike (called through, so it always has the window as `this`). */
export const windowFetch: FetchLike = (request) => fetch(request);
