/**
 * Stands in, for the local search plugin's search bar and search page, for its theme/searchByWorker.js
 * (the swap is made in src/plugins/local-search-queries.ts), and calls that module for the search itself.
 *
 * - Queries: the index holds "QBWC1039" and "0x80040400" as single words and matches whole words
 *   (or their beginnings), so "qbwc 1039", "QBWC-1039", "1039" or "80040400" found nothing. Each code
 *   the catalogue holds is rewritten the way the pages print it before the worker sees the query.
 * - Results: the plugin indexes a section's heading and its text as two documents, so a query
 *   matching both ("qbwc1048" in a heading and in the text under it) came back twice, with the same
 *   link. Only the first, best placed, result for each page and anchor is kept.
 */
import {
  fetchIndexesByWorker,
  searchByWorker as searchIndex,
} from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/searchByWorker.js';
import {processTreeStatusOfSearchResults} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/processTreeStatusOfSearchResults.js';
import type {LocalSearchResult} from './local-search-types';
import {onePerSection} from './local-search-results';

export {fetchIndexesByWorker};

export async function searchByWorker(
  baseUrl: string,
  searchContext: string,
  input: string,
  limit: number,
): Promise<LocalSearchResult[]> {
  // The catalogue loads with the first search, not with every page.
  const {normalizeSearchQuery} = await import('../qbwc/troubleshooting');
  const results = await searchIndex(baseUrl, searchContext, normalizeSearchQuery(input), limit);
  const kept = onePerSection(results);
  if (kept.length === results.length) return results;
  // Which results are drawn as branches of their page's tree depends on their neighbours.
  for (const result of kept) {
    delete result.isInterOfTree;
    delete result.isLastOfTree;
  }
  processTreeStatusOfSearchResults(kept);
  return kept;
}
