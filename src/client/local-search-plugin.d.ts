// The two modules of @easyops-cn/docusaurus-search-local 0.55 that src/client/local-search.ts calls
// (the package ships no types for its client code).
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/searchByWorker.js' {
  import type {LocalSearchResult} from './local-search-types';

  export function fetchIndexesByWorker(baseUrl: string, searchContext: string): Promise<void>;
  export function searchByWorker(
    baseUrl: string,
    searchContext: string,
    input: string,
    limit: number,
  ): Promise<LocalSearchResult[]>;
}

declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/processTreeStatusOfSearchResults.js' {
  import type {LocalSearchResult} from './local-search-types';

  export function processTreeStatusOfSearchResults(results: LocalSearchResult[]): void;
}
