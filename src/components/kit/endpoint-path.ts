/**
 * Where this site's server answers (the test endpoint and its helpers such as /feedback), in a
 * module of its own so a widget on every page can name it without loading the test-endpoint client.
 * test-endpoint.ts re-exports both.
 */

/** A fetch-shaped function: the window's fetch, or the in-page endpoint's. */
export type FetchLike = (request: Request) => Promise<Response>;

export const ENDPOINT_PATH = '/qbwc';
