/** A fetch-shaped function: the window's fetch, or the in-page endpoint's. In a module of its own, so a widget on every page can name it without loading the test-endpoint client. */
export type FetchLike = (request: Request) => Promise<Response>;
