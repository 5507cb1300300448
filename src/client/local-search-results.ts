import type {LocalSearchResult} from './local-search-types';

/** The results in their order, without a second result for a page and anchor already listed. */
export function onePerSection<T extends LocalSearchResult>(results: readonly T[]): T[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const key = `${result.document.u}${result.document.h ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
