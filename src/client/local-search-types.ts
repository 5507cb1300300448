/**
 * The parts of the local search plugin's result objects (@easyops-cn/docusaurus-search-local 0.55)
 * that this site reads or changes; the rest passes through untouched.
 */
export interface LocalSearchResult {
  document: {
    /** Page path, e.g. /docs/troubleshooting. */
    u: string;
    /** Anchor with its #, e.g. #qbwc1039; absent or empty for the page itself. */
    h?: string;
  };
  isInterOfTree?: boolean;
  isLastOfTree?: boolean;
}
